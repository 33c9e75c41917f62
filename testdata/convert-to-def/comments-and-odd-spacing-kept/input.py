import time

from fastapi import FastAPI

app = FastAPI()


@app.get( "/odd" )
async   def   odd_spacing( a :int=1 ,b:  str="x" ):  # expect-fix: convert-to-def
    # a comment before the call
    time.sleep( a )   # expect: UNB100
    #   indented comment with    extra   spaces

    result = {  "a":a,
                "b" :b }   # trailing comment
    return   result  # done
