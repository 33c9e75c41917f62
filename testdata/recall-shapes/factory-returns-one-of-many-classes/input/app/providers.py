import requests


class OpenAiModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        return requests.get("https://api.openai.com/v1/models", headers=headers).ok


class ReplicateModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        headers = {"Authorization": f"Token {self.api_key}"}
        return requests.get("https://api.replicate.com/v1/models", headers=headers).ok


class PalmModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        url = "https://generativelanguage.googleapis.com/v1/models"
        return requests.get(url, params={"key": self.api_key}).ok


class HuggingFaceModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        return requests.get("https://huggingface.co/api/whoami", headers=headers).ok


class LocalModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        return True


class EchoModel:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def verify_access_key(self) -> bool:
        return bool(self.api_key)


def build_model(provider: str, api_key: str):
    # Six classes: the returned type is their union (a bound of four used to drop it).
    if provider == "openai":
        return OpenAiModel(api_key)
    if provider == "replicate":
        return ReplicateModel(api_key)
    if provider == "palm":
        return PalmModel(api_key)
    if provider == "huggingface":
        return HuggingFaceModel(api_key)
    if provider == "local":
        return LocalModel(api_key)
    if provider == "echo":
        return EchoModel(api_key)
    return None
