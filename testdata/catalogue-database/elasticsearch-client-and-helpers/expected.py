from elasticsearch import Elasticsearch, helpers
from fastapi import FastAPI

app = FastAPI()
es = Elasticsearch("http://search:9200")


@app.post("/articles/reindex")
def reindex(articles: list[dict]):  # expect-fix: convert-to-def
    actions = ({"_index": "articles", "_source": a} for a in articles)
    helpers.bulk(es, actions)  # expect: UNB140
    es.indices.refresh(index="articles")  # expect: UNB140
    hits = es.search(index="articles", query={"match_all": {}}, size=3)  # expect: UNB140
    return {"hits": hits["hits"]["total"]["value"]}
