from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class Bucket:
    def __init__(self, name: str, client: "S3Client") -> None:
        self.name = name
        self.client = client

    def remove(self, key: str) -> None:
        self.client.delete_object(Bucket=self.name, Key=key)

    def link(self, key: str) -> str:
        return self.client.generate_presigned_url("get_object", Params={"Bucket": self.name, "Key": key})
