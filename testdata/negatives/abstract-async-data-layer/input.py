from abc import ABC, abstractmethod

from fastapi import Depends, FastAPI

app = FastAPI()


class NoteStore(ABC):
    @abstractmethod
    async def get(self, note_id: int) -> dict: ...


class MemoryNoteStore(NoteStore):
    def __init__(self) -> None:
        self.notes: dict[int, dict] = {}

    async def get(self, note_id: int) -> dict:
        return self.notes.get(note_id, {})


def get_store() -> NoteStore:
    return MemoryNoteStore()


@app.get("/notes/{note_id}")
async def read_note(note_id: int, store: NoteStore = Depends(get_store)):
    return await store.get(note_id)
