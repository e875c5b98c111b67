"""Bytes of an input → text, or a DecodeError that says why not.

UTF-8 first (a leading BOM dropped, no newline translation, so that offsets point
into the text as read); a text in a legacy Russian encoding is detected with
charset-normalizer among LEGACY_ENCODINGS and decoded, and the caller warns which
encoding was used. NUL bytes, or bytes that no candidate encoding reads as
plausible text, make the input binary or undecodable.
"""
from __future__ import annotations

import codecs
from typing import Optional, Tuple

from charset_normalizer import from_bytes

# Windows, KOI8 (old Unix mail), DOS and ISO Cyrillic; mac_cyrillic is left out: on short
# texts charset-normalizer takes cp1251 for it
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp866", "iso8859_5")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
CONTROL_SAMPLE = 4096

# DecodeError kinds (the `error` of an --errors line)
BINARY = "binary"
UNDECODABLE = "undecodable"


class DecodeError(ValueError):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (JSON lines, which RFC 8259 requires to be UTF-8)."""
    if b"\x00" in data:
        raise DecodeError(BINARY, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DecodeError(UNDECODABLE, f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def decode_legacy(data: bytes, why_not_utf8: str) -> Tuple[str, str]:
    """(text, encoding) of bytes in one of LEGACY_ENCODINGS, or a DecodeError."""
    match = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if match is None:
        raise DecodeError(UNDECODABLE, f"{why_not_utf8}, nor text in " + ", ".join(LEGACY_ENCODINGS))
    return str(match), match.encoding


def check_not_binary(text: str) -> str:
    """The text, unless more than 1 % of its first CONTROL_SAMPLE characters are control
    characters other than whitespace (a binary file without NUL bytes)."""
    sample = text[:CONTROL_SAMPLE]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f\v")
    if controls * 100 > len(sample):
        raise DecodeError(BINARY, f"binary file ({controls} control characters in the first {len(sample)})")
    return text


def decode_text(data: bytes) -> Tuple[str, Optional[str]]:
    """(text, None) for UTF-8; (text, encoding) for UTF-16 with a BOM or a legacy encoding."""
    if data.startswith(UTF16_BOMS):
        try:
            return check_not_binary(data.decode("utf-16")), "utf_16"
        except UnicodeDecodeError as error:
            raise DecodeError(UNDECODABLE, f"not UTF-16 text ({error.reason} at byte {error.start})") from None
    try:
        return check_not_binary(decode_utf8(data)), None
    except DecodeError as error:
        if error.kind == BINARY:
            raise
        why_not_utf8 = str(error)
    text, encoding = decode_legacy(data, why_not_utf8)
    return check_not_binary(text), encoding
