from typing import Any, Iterable, Literal, Optional, Sequence, Union

import pyarrow

DEFAULT_MAX_BYTES: int
BATCH_SCHEMA: pyarrow.Schema

Script = Literal["auto", "keep", "hans", "hant"]

class NewsdecodeError(ValueError):
    code: str
    message: str
    def __init__(self, code: str, message: str) -> None: ...

def version() -> str: ...
def extract(
    data: Union[bytes, str],
    *,
    url: Optional[str] = None,
    encoding: Optional[str] = None,
    charset_hint: Optional[str] = None,
    script: Script = "auto",
    max_bytes: int = ...,
) -> dict[str, Any]: ...
def extract_batch(
    data: Iterable[Union[bytes, str]],
    urls: Optional[Sequence[Optional[str]]] = None,
    charset_hints: Optional[Sequence[Optional[str]]] = None,
    *,
    encoding: Optional[str] = None,
    script: Script = "auto",
    max_bytes: int = ...,
) -> pyarrow.RecordBatch: ...
