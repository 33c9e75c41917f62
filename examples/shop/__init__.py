"""A small shop API used to demonstrate fastapi-unblock (see README.md)."""
