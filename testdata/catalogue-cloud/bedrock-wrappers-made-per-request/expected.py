from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class ModelChoice(BaseModel):
    provider: str
    region: str = "us-east-1"


def build_model(choice: ModelChoice):
    # A provider per request: the Bedrock one makes a boto3 client as it is made.
    if choice.provider == "bedrock":
        from pydantic_ai.models.bedrock import BedrockConverseModel
        from pydantic_ai.providers.bedrock import BedrockProvider

        return BedrockConverseModel("anthropic.claude-3", provider=BedrockProvider(region_name=choice.region))
    from pydantic_ai.models.openai import OpenAIModel

    return OpenAIModel("gpt-4o")


@app.post("/chat")
def chat(choice: ModelChoice):  # expect-fix: convert-to-def
    model = build_model(choice)  # expect: UNB160
    return {"model": model.model_name}


@app.post("/embed")
def embed(text: str):  # expect-fix: convert-to-def
    from llama_index.embeddings.bedrock import BedrockEmbedding

    embedder = BedrockEmbedding(model_name="amazon.titan-embed-text-v2:0")  # expect: UNB160
    return {"size": len(embedder.model_name)}
