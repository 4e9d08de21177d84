"""Bytes to text: refuse binary data, honour UTF-8, otherwise detect the encoding.

charset-normalizer (already a dependency of trafilatura) does the detection; a result it is
not confident of is refused rather than turned into mojibake.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or an Office file)",
    b"\x1f\x8b": "gzip data (name it .gz)",
    b"\x7fELF": "executable",
}


class DecodeError(ValueError):
    """The bytes are not text we can read; `reason` is a short label, `args[0]` the detail."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def decode_bytes(data: bytes) -> str:
    """Decode `data` to str, or raise DecodeError("empty" | "binary" | "undetectable encoding")."""
    if not data.strip():
        raise DecodeError("empty", "the input holds no text")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeError("binary", f"looks like {what}, not text")
    head = data[:65536]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary", "holds NUL bytes: binary data, not text")
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise DecodeError("binary", "too many control characters for text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = from_bytes(data).best()
    if match is None or match.encoding is None or match.chaos > 0.2:
        raise DecodeError("undetectable encoding", "not UTF-8, and no other encoding fits; re-save the file as UTF-8")
    return str(match)
