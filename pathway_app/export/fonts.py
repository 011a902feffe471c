"""The fonts for every script a young person types: shipped ones and ones found on the system.

Small fonts (Noto, OFL) ship in ``resources/fonts``: Latin, Greek and Cyrillic, Arabic, Hebrew,
Ethiopic, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil and Thai. Large ones — Chinese,
Japanese and Korean, emoji, and the rarer scripts — are looked for on the computer:

* in the folders named by ``PATHWAY_FONT_DIRS`` (separated like ``PATH``) when it is set, and
  nowhere else — an organisation can point the app at its own fonts, and a test can point it at
  an empty folder;
* otherwise in the files fontconfig knows (``fc-list``), or, where there is no fontconfig, in the
  usual font folders of Linux, Windows and macOS.

Each family lists the files it accepts, best first, with the Debian package that provides each,
so ``pathway-planner check`` can say what to install. A file is used only if reportlab can embed
it (TrueType outlines: the CFF fonts of ``fonts-noto-cjk`` are refused) and it has the family's
sample characters. A character that no family covers is looked up once more through fontconfig
(``fc-list :charset=…``) before it is shown as a visible code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..paths import resource

FONT_DIRS_ENV = "PATHWAY_FONT_DIRS"
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


@dataclass(frozen=True)
class Source:
    """One way to get a family: font files (regular, bold, italic) and who provides them."""

    regular: str
    bold: str = ""
    italic: str = ""
    package: str = ""  # the Debian package with these files
    subfont: int = 0  # the face inside a .ttc collection


@dataclass(frozen=True)
class Family:
    key: str
    label: str  # the scripts it draws, in words
    sample: str  # characters a font must have to serve this family
    shaped: bool  # letters change shape or move (HarfBuzz); Latin, CJK and emoji need not
    shipped: Source | None = None
    system: tuple[Source, ...] = ()

    @property
    def package(self) -> str:
        """The Debian package to install when the family is missing."""
        return self.system[0].package if self.system else ""


def _noto(name: str) -> tuple[Source, ...]:
    return (Source(f"NotoSans{name}-Regular.ttf", f"NotoSans{name}-Bold.ttf", package="fonts-noto-core"),)


def _shipped(name: str) -> Source:
    return Source(f"NotoSans{name}-Regular.ttf", f"NotoSans{name}-Bold.ttf", package="fonts-noto-core")


#: Every family, in the order a character is offered to them when its own script's font lacks it.
FAMILIES: tuple[Family, ...] = (
    Family("sans", "Latin, Greek, Cyrillic", "Zoëαβγжш", False,
           Source("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "fonts-noto-core")),
    Family("arabic", "Arabic, Persian, Urdu", "مريم٤٠", True,
           Source("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", package="fonts-noto-core")),
    Family("hebrew", "Hebrew", "שלום", True, _shipped("Hebrew")),
    Family("ethiopic", "Ethiopic (Amharic, Tigrinya)", "ሰላም", False, _shipped("Ethiopic")),
    Family("devanagari", "Devanagari (Hindi, Marathi, Nepali)", "प्रिया", True, _shipped("Devanagari")),
    Family("bengali", "Bengali, Sylheti", "বাংলা", True, _shipped("Bengali")),
    Family("gurmukhi", "Gurmukhi (Punjabi)", "ਪੰਜਾਬੀ", True, _shipped("Gurmukhi")),
    Family("gujarati", "Gujarati", "ગુજરાતી", True, _shipped("Gujarati")),
    Family("tamil", "Tamil", "தமிழ்", True, _shipped("Tamil")),
    Family("thai", "Thai", "สมชาย", True, _shipped("Thai")),
    Family("telugu", "Telugu", "తెలుగు", True, system=_noto("Telugu")),
    Family("kannada", "Kannada", "ಕನ್ನಡ", True, system=_noto("Kannada")),
    Family("malayalam", "Malayalam", "മലയാളം", True, system=_noto("Malayalam")),
    Family("oriya", "Odia", "ଓଡ଼ିଆ", True, system=_noto("Oriya")),
    Family("sinhala", "Sinhala", "සිංහල", True, system=_noto("Sinhala")),
    Family("armenian", "Armenian", "Հայաստան", False, system=_noto("Armenian")),
    Family("georgian", "Georgian", "ქართული", False, system=_noto("Georgian")),
    Family("khmer", "Khmer", "ខ្មែរ", True, system=_noto("Khmer")),
    Family("lao", "Lao", "ລາວ", True, system=_noto("Lao")),
    Family("myanmar", "Myanmar (Burmese)", "မြန်မာ", True, system=_noto("Myanmar")),
    # fonts with Chinese, Japanese kana and Korean Hangul first; a character the chosen font
    # lacks is still looked up through fontconfig (see fallback)
    Family("cjk", "Chinese, Japanese, Korean", "我的名字", False, system=(
        Source("wqy-zenhei.ttc", package="fonts-wqy-zenhei"),
        Source("DroidSansFallbackFull.ttf", package="fonts-droid-fallback"),
        Source("wqy-microhei.ttc", package="fonts-wqy-microhei"),
        Source("ipag.ttf", package="fonts-ipafont-gothic"),
        Source("UnDotum.ttf", "UnDotumBold.ttf", package="fonts-unfonts-core"),
    )),
    Family("emoji", "Emoji (in black and white)", "\U0001F600\U0001F44D\u2764", False, system=(
        Source("Symbola_hint.ttf", package="fonts-symbola"),
        Source("Symbola.ttf", package="fonts-symbola"),
        Source("seguisym.ttf"),  # Segoe UI Symbol, on Windows
    )),
    Family("symbols", "Other symbols", "\u2605\u2713", False, system=(
        Source("NotoSansSymbols2-Regular.ttf", package="fonts-noto-core"),
        Source("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", package="fonts-dejavu-core"),
    )),
)
BY_KEY = {f.key: f for f in FAMILIES}


# --------------------------------------------------------------------------- finding files


def font_dirs_override() -> tuple[Path, ...] | None:
    """The folders named by ``PATHWAY_FONT_DIRS``, or None when it is not set."""
    raw = os.environ.get(FONT_DIRS_ENV)
    if raw is None:
        return None
    return tuple(Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip())


def _standard_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
    return [Path(d) / "fonts" for d in data if d] + [home / ".local" / "share" / "fonts", home / ".fonts"]


def _walk(dirs) -> list[Path]:
    out = []
    for d in dirs:
        if d.is_dir():
            for root, _subdirs, files in os.walk(d):
                out += [Path(root) / f for f in sorted(files) if f.lower().endswith(_FONT_SUFFIXES)]
    return out


def _fc_list(*pattern: str) -> list[Path] | None:
    """Font files fontconfig knows (matching ``pattern``), or None without fontconfig."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--format=%{file}\\n", *pattern], capture_output=True, text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [Path(line) for line in out.splitlines() if line.lower().endswith(_FONT_SUFFIXES)]


@lru_cache(maxsize=8)
def _system_files(override: tuple[Path, ...] | None) -> dict[str, Path]:
    """File name -> path of every font file the lookup can see (the first of each name)."""
    if override is not None:
        files = _walk(override)
    else:
        files = _fc_list()
        if files is None:
            files = _walk(_standard_dirs())
    found: dict[str, Path] = {}
    for f in files:
        found.setdefault(f.name, f)
    return found


def system_files() -> dict[str, Path]:
    return _system_files(font_dirs_override())


@dataclass(frozen=True)
class Found:
    """Where a family's fonts are: shipped with the app or found on this computer."""

    family: Family
    regular: Path
    bold: Path | None
    italic: Path | None
    subfont: int
    shipped: bool
    package: str

    @property
    def where(self) -> str:
        return "shipped with the app" if self.shipped else str(self.regular)


def candidates(family: Family) -> list[Found]:
    """The places ``family`` could come from, best first (files that exist only)."""
    out = []
    if family.shipped:
        s = family.shipped
        path = resource("fonts", s.regular)
        if path.is_file():
            bold = resource("fonts", s.bold) if s.bold else None
            italic = resource("fonts", s.italic) if s.italic else None
            out.append(Found(family, path, bold if bold and bold.is_file() else None,
                             italic if italic and italic.is_file() else None, s.subfont, True, s.package))
    files = system_files()
    for s in family.system:
        path = files.get(s.regular)
        if path is not None:
            out.append(Found(family, path, files.get(s.bold) if s.bold else None,
                             files.get(s.italic) if s.italic else None, s.subfont, False, s.package))
    return out


def fallback_files(cp: int) -> list[Path]:
    """Font files on this computer that may have code point ``cp`` (for characters outside
    every family). With ``PATHWAY_FONT_DIRS`` set, every file in those folders."""
    override = font_dirs_override()
    if override is not None:
        return list(_system_files(override).values())
    files = _fc_list(f":charset={cp:x}") or []
    # an upright regular face first
    return sorted(files, key=lambda f: (any(w in f.name.lower() for w in ("bold", "italic", "oblique", "light", "black", "thin")), f.name))


# --------------------------------------------------------------------------- loading


class Loaded:
    """A family registered with reportlab: its font names and the code points it has.

    The bold and italic faces are registered the first time they are asked for.
    """

    def __init__(self, family: Family, found: Found, regular: str, cmap):
        self.family = family
        self.found = found
        self.regular = regular
        self.cmap = cmap  # code points with a glyph (a set, or the font's own cmap dict)
        self._names: dict[tuple[bool, bool], str] = {(False, False): regular}

    @property
    def shaped(self) -> bool:
        return self.family.shaped

    def name(self, bold: bool = False, italic: bool = False) -> str:
        key = (bool(bold), bool(italic) and not bold)
        got = self._names.get(key)
        if got is None:
            got = self._names[key] = self._variant(*key)
        return got

    def _variant(self, bold: bool, italic: bool) -> str:
        from reportlab.lib.fonts import addMapping

        path, suffix = (self.found.bold, "-Bold") if bold else (self.found.italic, "-Italic")
        name = self.regular + suffix
        if path is None or _ttfont(name, path, self.found.subfont, self.family.shaped) is None:
            return self.regular  # the family has no such face: its regular one is used
        # <b> and <i> inside a reportlab Paragraph map to the family's bold and italic
        if bold:
            addMapping(self.regular, 1, 1, name)
        addMapping(self.regular, int(bold), int(italic), name)  # last: the face's own flags
        return name

    def __repr__(self) -> str:
        return f"Loaded({self.family.key}, {self.found.regular.name})"


_SHIPPED_NAMES = {"sans": "PPSans", "arabic": "PPNaskh", "ethiopic": "PPEthiopic"}


def _reportlab_name(found: Found) -> str:
    if found.shipped:
        return _SHIPPED_NAMES.get(found.family.key, "PP" + found.family.key.title())
    # a system font: the name carries the file, so another folder never reuses a stale font
    return f"PP{found.family.key.title()}-{zlib.crc32(f'{found.regular}#{found.subfont}'.encode()):08x}"


def _embedded_font_class():
    from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

    class EmbeddedFont(TTFont):
        """reportlab's TTFont, with a ToUnicode map that is right beyond U+FFFF.

        reportlab writes each code's character as ``<%04X>``, so an emoji (U+1F600) becomes
        the five digits ``<1F600>``, which readers take as U+1F60. ToUnicode values are
        UTF-16BE: such characters are written as their surrogate pair here.
        """

        def addObjects(self, doc):
            state = self.state.get(doc)
            subsets = [list(sub) for sub in state.subsets] if state is not None else []
            super().addObjects(doc)
            for n, subset in enumerate(subsets):
                if not any(v > 0xFFFF for v in subset):
                    continue
                base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
                stream = doc.idToObject.get("toUnicodeCMap:" + base)
                if stream is None:
                    continue
                content = stream.content
                for i, v in enumerate(subset):
                    if v > 0xFFFF:
                        utf16 = chr(v).encode("utf-16-be").hex().upper()
                        content = content.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{utf16}>")
                stream.content = content

    return EmbeddedFont


_EMBEDDED = None


def _ttfont(name: str, path: Path, subfont: int, shaped: bool):
    """A reportlab TTFont for ``path``, or None when reportlab cannot embed it (not TrueType
    outlines, damaged)."""
    global _EMBEDDED
    from reportlab.pdfbase.pdfmetrics import getFont, registerFont
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        return getFont(name)
    except KeyError:
        pass
    if _EMBEDDED is None:
        _EMBEDDED = _embedded_font_class()
    try:
        # A large font that is not shaped (Chinese, Japanese and Korean: 16 MB) is mapped, not
        # read into memory: reportlab reads only its tables and the glyphs a PDF uses. HarfBuzz
        # needs a shaped font's bytes, so those (all small) are read.
        source = str(path) if shaped else _Mapped(path)
        font = _EMBEDDED(name, source, subfontIndex=subfont, shapable=shaped)
    except (TTFError, OSError, ValueError, IndexError, KeyError):
        return None
    registerFont(font)
    return font


class _Mapped:
    """A font file for reportlab's ``TTFont`` (which takes a file-like object) whose ``read``
    maps the file instead of reading it."""

    def __init__(self, path: Path):
        self.name = str(path)
        self._path = path

    def read(self):
        import mmap

        with open(self._path, "rb") as f:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _load(found: Found) -> Loaded | None:
    from reportlab.lib.fonts import addMapping

    fam = found.family
    base = _reportlab_name(found)
    font = _ttfont(base, found.regular, found.subfont, fam.shaped)
    if font is None or not all(ord(c) in font.face.charToGlyph for c in fam.sample):
        return None
    for bold, italic in ((1, 1), (1, 0), (0, 1), (0, 0)):  # (0, 0) last: base is the regular face
        addMapping(base, bold, italic, base)  # until the bold and italic faces are asked for
    # reportlab adds private code points to a shaped font's cmap for glyphs that have none
    # (joined forms, conjuncts): keep the font's own set. An unshaped font's cmap never changes.
    cmap = frozenset(font.face.charToGlyph) if fam.shaped else font.face.charToGlyph
    return Loaded(fam, found, base, cmap)


@cache
def _loaded(key: str, override: tuple[Path, ...] | None) -> Loaded | None:
    for found in candidates(BY_KEY[key]):
        got = _load(found)
        if got is not None:
            return got
    return None


def loaded(key: str) -> Loaded | None:
    """The family ``key`` registered with reportlab, or None when no usable font is here."""
    return _loaded(key, font_dirs_override())


@cache
def _fallback(cp: int, override: tuple[Path, ...] | None) -> Loaded | None:
    for path in fallback_files(cp):
        fam = Family("x" + path.stem.replace("-", "").replace("_", "")[:24], path.name, chr(cp), True)
        found = Found(fam, path, None, None, 0, False, "")
        got = _load(found)
        if got is not None:
            return got
    return None


def fallback(cp: int) -> Loaded | None:
    """Any font on this computer with code point ``cp`` (a character outside every family)."""
    return _fallback(cp, font_dirs_override())


def report() -> list[dict]:
    """Each family, where its font is, or which Debian package would bring it (for ``check``)."""
    out = []
    for fam in FAMILIES:
        got = loaded(fam.key)
        row = {"scripts": fam.label, "family": fam.key}
        if got is not None:
            row.update(found=True, shipped=got.found.shipped, path=str(got.found.regular),
                       package=None if got.found.shipped else got.found.package)
        else:
            row.update(found=False, shipped=False, path=None, package=fam.package)
        out.append(row)
    return out
