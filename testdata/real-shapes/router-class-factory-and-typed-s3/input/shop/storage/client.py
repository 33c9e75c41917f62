from typing import TYPE_CHECKING

import boto3

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client


def make_client(endpoint: str | None = None) -> "S3Client":
    return boto3.client("s3", endpoint_url=endpoint)
