"""Bytes to text for the loader: binary or text, the encoding (byte-order marks, UTF-8, a page's
`<meta charset>`, charset-normalizer's detection), NUL and control characters; and the
`LoadWarning` every loader module reports a file's problem with (docs/cleaning.md, "Bad input").
"""
from __future__ import annotations

import re
import warnings
from typing import NamedTuple


class LoadWarning(UserWarning):
    """A file could not be read as a normal article; the message names the file."""


def warn_file(path, message: str, problems: list[str] | None = None) -> None:
    """Report `message` about `path` as a LoadWarning, and append it to `problems`."""
    if problems is not None:
        problems.append(message)
    warnings.warn(f"{path}: {message}", LoadWarning, stacklevel=3)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)   # control bytes except \t \n \v \f \r
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]+")


def looks_binary(data: bytes) -> bool:
    """True when over 5% of the first 8 KB are control bytes (NUL included): not text. A few NUL or
    control bytes in text (a damaged export) are removed when decoding instead."""
    head = data[:8192]
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))   # counted in C
    return control / len(head) > 0.05


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16_text(data: bytes) -> bool:
    """True when `data` starts with a UTF-16 byte-order mark and its first 8 KB decode to text."""
    if not data.startswith(_UTF16_BOMS):
        return False
    try:
        head = data[:8192].decode("utf-16", errors="strict") if len(data) <= 8192 else \
            data[:8192].decode("utf-16", errors="ignore")
    except UnicodeDecodeError:
        return False
    return not looks_binary(head.encode("utf-8", errors="replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text without a byte-order mark, else
    None: in one byte of each pair nearly always a value under 0x20 (the high byte of Latin,
    Greek, Cyrillic, Arabic, Hebrew ... characters), and the whole decodes to printable text."""
    head = data[:4096]
    if len(head) < 8 or (b"\x00" not in head and b"\x04" not in head and b"\x06" not in head
                         and b"\x05" not in head and b"\x03" not in head):
        return None
    even, odd = head[0::2], head[1::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(high) - len(high.translate(None, bytes(range(32)))) < 0.95 * len(high):
            continue
        try:
            text = data[:min(len(data), 8192) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        spaces = sum(map(str.isspace, text))
        shown = text.replace("\n", "").replace("\r", "").replace("\t", "")
        if shown and sum(map(str.isprintable, shown)) >= 0.98 * len(shown) and spaces >= 0.05 * len(text):
            return codec   # printable, with spaces between words: text
    return None


def _wide_unicode(data: bytes) -> bool:
    """True when charset-normalizer reads the first 8 KB as UTF-16/32 (e.g. Chinese in UTF-16
    without a byte-order mark, whose control-looking bytes would otherwise count as binary)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:8192]).best()
    return best is not None and best.encoding.startswith(("utf_16", "utf_32"))


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# HTML's rule: a page that declares Latin-1 or ASCII is read as windows-1252 (a superset)
_AS_CP1252 = {"iso8859-1", "ascii", "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec a page declares in `<meta charset>` / `http-equiv Content-Type` (first
    4 KB), or None (no declaration, or one Python does not know)."""
    import codecs

    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _latin_script(text: str) -> bool:
    """True when the non-ASCII letters of `text` are mostly Latin (é, ñ, ł ...), as in text whose
    exact single-byte code page a detector cannot tell apart."""
    import unicodedata

    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    if not letters:
        return True
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters[:2000])
    return latin >= 0.5 * min(len(letters), 2000)


class Decoded(NamedTuple):
    """A file's text and the codec it was read with (recorded per article as `encoding`)."""
    text: str
    encoding: str


def decode_text(data: bytes, path="<text>", problems: list[str] | None = None,
                declared: str | None = None) -> Decoded:
    """Decode bytes to text, choosing the encoding from the bytes and the page's own declaration.

    In order: a byte-order mark (UTF-8/16/32); UTF-16 without a mark; valid UTF-8; the encoding the
    page declares (`declared`, e.g. from `<meta charset>`) when the bytes decode with it; else
    charset-normalizer's detection: a non-Latin script (Cyrillic, Arabic, CJK ...) as detected,
    Latin-script text as Windows-1252 when it decodes (detectors cannot tell Western code pages
    apart on English text), else as detected; else UTF-8 with U+FFFD. NUL and other control
    characters are removed (reported). Line ends become "\\n". Anything but UTF-8 is reported.
    """
    text = encoding = None
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, encoding = data.decode("utf-32", errors="replace"), "utf-32"
        warn_file(path, "UTF-32 text (decoded as UTF-32; save as UTF-8 to avoid this warning)", problems)
    elif data.startswith(_UTF16_BOMS):   # "Unicode" text as Windows tools save it
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
            warn_file(path, "UTF-16 text (decoded as UTF-16; save as UTF-8 to avoid this warning)", problems)
        except UnicodeDecodeError:
            pass
    if text is None:
        codec = _utf16_without_bom(data)
        if codec:
            text, encoding = data[:len(data) // 2 * 2].decode(codec, errors="replace"), codec
            warn_file(path, f"UTF-16 text without a byte-order mark (decoded as {codec.upper()}; save as "
                        "UTF-8 to avoid this warning)", problems)
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None and declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            text, encoding = data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    if text is None:
        text, encoding = _detected(data, path, problems)
    if text.startswith("\ufeff"):
        text = text[1:]
    # UTF-8 text holds a control character only where its bytes hold the control byte (no byte of
    # a multi-byte sequence is under 0x80, and U+FFFD replaces bad ones): one C-level bytes pass
    # then stands for the regex search of the text
    if (encoding not in ("utf-8", "utf-8-sig") or len(data.translate(None, _CONTROL_BYTES)) != len(data)) \
            and _CONTROL_CHARS.search(text):
        n = sum(map(len, _CONTROL_CHARS.findall(text)))
        text = _CONTROL_CHARS.sub("", text)
        warn_file(path, f"{n:,} NUL or control character(s) removed", problems)
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), _codec_name(encoding))


def _codec_name(name: str) -> str:
    """Python's own name of a codec ("koi8_r" -> "koi8-r"), as recorded in `encoding`."""
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _detected(data: bytes, path, problems) -> tuple[str, str]:
    """Text and codec of bytes that are not UTF-8, from charset-normalizer's detection."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if results:   # among the least chaotic readings, the one most like a known language
        least = min(m.chaos for m in results)
        best = max((m for m in results if m.chaos <= least + 0.1), key=lambda m: m.coherence)
    guess = best.encoding if results else None
    if guess:
        try:
            text = data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            text = guess = None
    if guess is None or _latin_script(text):
        try:
            text = data.decode("cp1252")
            warn_file(path, "not valid UTF-8; decoded as cp1252 (Windows-1252)", problems)
            return text, "cp1252"
        except UnicodeDecodeError:
            pass
    if guess:
        guess = _codec_name(guess)
        warn_file(path, f"not valid UTF-8; decoded as {guess} (detected from the bytes)", problems)
        return text, guess
    warn_file(path, "undecodable bytes replaced by U+FFFD", problems)
    return data.decode("utf-8", errors="replace"), "utf-8"


def decode(data: bytes, path="<text>", problems: list[str] | None = None) -> str:
    """The text of `data` (see `decode_text`, which also says which encoding was used)."""
    return decode_text(data, path, problems).text


def is_binary(data: bytes) -> bool:
    """Not text: mostly control bytes (`looks_binary`), and not UTF-16/32 text either."""
    return looks_binary(data) and not (_utf16_text(data) or _utf16_without_bom(data) or _wide_unicode(data))
