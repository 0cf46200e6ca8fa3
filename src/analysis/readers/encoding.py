"""Bytes to text: byte-order marks, UTF-16 without a BOM, GB18030/GBK, Big5.

The order of trust, for Chinese notices:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) decides;
2. NUL bytes on one side of most byte pairs mean UTF-16 without a BOM; NULs
   spread over both sides mean the file is binary (trailing NUL padding of a
   cut download is dropped first);
3. strict UTF-8 (allowing a cut final character or a stray bad byte);
4. UTF-16 without BOM and without ASCII: one side of the pairs is all CJK
   high bytes;
5. many control bytes: binary, not text;
6. GB18030 (a superset of GB2312 and GBK) and Big5, whichever decodes
   strictly; when both do, the one whose characters are common Chinese wins
   (resources/readers_common_hanzi.txt);
7. charset-normalizer on a sample, as a last resort, decoding with
   replacement characters.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources

from analysis.readers.errors import ReadError

BINARY_REASON = "binary file, not text — check the download"
EMPTY_REASON = "empty file"
_SAMPLE = 65_536
_STRAY_NULS = 0.005  # fewer NULs than this share of the bytes are noise, not UTF-16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
# control bytes that never occur in text (NUL, counted apart, tab, LF, FF, CR, ESC excepted)
_CONTROL = bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13, 27))
_NEWLINES = re.compile(r"\r\n?")
# high bytes of UTF-16 Chinese text: CJK ideographs, CJK and full-width punctuation,
# general punctuation (“” —), ASCII
_UTF16_HIGH_BYTES = bytes(list(range(0x4E, 0xA0)) + [0x00, 0x20, 0x30, 0xFF])


def decode_bytes(data: bytes) -> str:
    """Decode the bytes of a text file; raise ReadError for binary content.

    The result has no BOM character and LF line ends.

    >>> decode_bytes("巡察整改\\r\\n".encode("gb18030"))
    '巡察整改\\n'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "第四巡察组".encode("utf-16-le"))
    '第四巡察组'
    >>> decode_bytes("整改完成率100%".encode("utf-16-be"))
    '整改完成率100%'
    """
    encoding, skip = detect_encoding(data)
    if not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
        data = data.rstrip(b"\x00")  # NUL padding after a cut download
    text = data[skip:].decode(encoding, errors="replace")
    if skip == 0:
        text = text.lstrip("\ufeff")
    if "\x00" in text:  # stray NULs (padding of a cut download) in 8-bit text
        text = text.replace("\x00", "")
    return _NEWLINES.sub("\n", text)


def decode_text_file(data: bytes) -> str:
    """Decode a text file's bytes; ReadError when empty, blank or binary.

    >>> decode_text_file("  \\n根据区委统一部署\\r\\n".encode("gbk"))
    '  \\n根据区委统一部署\\n'
    """
    if not data.strip():
        raise ReadError(EMPTY_REASON)
    text = decode_bytes(data)
    if not text.strip():
        raise ReadError(EMPTY_REASON)
    return text


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The codec for data and how many leading BOM bytes to skip.

    >>> detect_encoding("整改".encode("utf-8"))
    ('utf-8', 0)
    >>> detect_encoding(codecs.BOM_UTF8 + b"abc")
    ('utf-8', 3)
    >>> detect_encoding("關於巡察整改進展情況的通報".encode("big5"))
    ('big5', 0)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    sample = data[:_SAMPLE].rstrip(b"\x00") if len(data) <= _SAMPLE else data[:_SAMPLE]
    if sample.count(0) > len(sample) * _STRAY_NULS:
        return _utf16_without_bom(sample), 0
    if _is_utf8(data.rstrip(b"\x00")):
        if _looks_binary(sample):
            raise ReadError(BINARY_REASON)
        return "utf-8", 0
    utf16 = _utf16_by_high_bytes(sample)  # its low bytes look like control bytes
    if utf16:
        return utf16, 0
    if _looks_binary(sample):
        raise ReadError(BINARY_REASON)
    return _chinese_codec(data), 0


def _utf16_without_bom(sample: bytes) -> str:
    """UTF-16 LE or BE when the NULs sit on one side of the byte pairs."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = max(len(sample) // 2, 1)
    name = "utf-16-le" if odd > even else "utf-16-be"
    lopsided = min(even, odd) <= max(even, odd) * 0.3  # 一 (U+4E00) puts NULs on the other side
    # in text, NULs (the high byte of ASCII) are common, not rare
    if lopsided and max(even, odd) >= pairs * 0.02 and _decodes_as_text(sample, name):
        return name
    raise ReadError(BINARY_REASON)


def _decodes_as_text(sample: bytes, name: str) -> bool:
    text = sample[: len(sample) // 2 * 2].decode(name, errors="replace")
    bad = sum(1 for c in text if c == "\ufffd" or (c < " " and c not in "\t\n\r\x0c"))
    return bad <= len(text) * 0.01


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > len(sample) * 0.02


def _is_utf8(data: bytes) -> bool:
    """Strict UTF-8, forgiving a character cut at the end and rare bad bytes."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return True
    text = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for b in data[:_SAMPLE] if b >= 0xC0)
    return text.count("\ufffd") <= max(1, len(text) // 10_000) and multibyte > 0


def _chinese_codec(data: bytes) -> str:
    candidates = [name for name in ("gb18030", "big5") if _decodes_strictly(data, name)]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) == 2:
        return max(candidates, key=lambda name: _common_share(data[:_SAMPLE], name))
    return _guess_with_charset_normalizer(data[:_SAMPLE])


def _utf16_by_high_bytes(sample: bytes) -> str | None:
    """UTF-16 without BOM or NULs (all-Chinese text): one side of the pairs is CJK high bytes.

    >>> _utf16_by_high_bytes("第四巡察组反馈了意见".encode("utf-16-le"))
    'utf-16-le'
    >>> _utf16_by_high_bytes("第四巡察组反馈了意见".encode("gbk")) is None
    True
    """
    if len(sample) < 8 or len(sample) % 2:
        return None
    for name, highs in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        share = len(highs) - len(highs.translate(None, _UTF16_HIGH_BYTES))
        if share >= 0.9 * len(highs) and len(_CJK.findall(sample.decode(name, "replace"))) \
                >= 0.5 * len(highs):
            return name
    return None


def _decodes_strictly(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
        return True
    except UnicodeDecodeError as exc:
        # a multibyte character cut by the end of the file is still this codec
        return exc.start >= len(data) - 3 and exc.reason in ("incomplete multibyte sequence",
                                                             "unexpected end of data")


def _common_share(sample: bytes, name: str) -> float:
    """Share of the decoded CJK characters that are common Chinese characters."""
    text = sample.decode(name, errors="ignore")
    hanzi = _CJK.findall(text)
    if not hanzi:
        return 0.0
    common = common_hanzi()
    return sum(1 for c in hanzi if c in common) / len(hanzi)


def _guess_with_charset_normalizer(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    name = best.encoding if best is not None else "gb18030"
    if name in ("gb2312", "gbk", "cp936", "hz"):
        name = "gb18030"
    if _CJK.search(sample.decode(name, errors="ignore")) is None:
        # bytes in the high range but no Chinese: GB18030 with replacements reads best
        if sum(1 for b in sample if b >= 0x80) > len(sample) * 0.1:
            return "gb18030"
    return name


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The common characters (simplified and traditional) in resources/readers_common_hanzi.txt."""
    path = resources.files("analysis") / "resources" / "readers_common_hanzi.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")).replace(" ", ""))


def charset_from_label(label: str) -> str | None:
    """The Python codec for a declared charset label, GB-family labels widened to GB18030.

    >>> charset_from_label("GB2312")
    'gb18030'
    >>> charset_from_label("utf8")
    'utf-8'
    >>> charset_from_label("x-no-such") is None
    True
    """
    label = label.strip().strip("\"'").lower()
    if label in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "ms936"):
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
