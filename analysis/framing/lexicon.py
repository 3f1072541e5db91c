"""The frame lexicons as data: where they are, the frames and coding conventions, loading and checking a
lexicon table (`load_lexicon`), the frames' and questions' descriptions (`frame_info`, `question_info`).
Compiling and matching: `analysis.framing.matching`."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from analysis.resources import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
LEXICON_PATH = DATA / "frames.csv"
FRAMES_PATH = DATA / "framing_frames.csv"
QUESTIONS_PATH = DATA / "frame_questions.csv"
MODEL_PATH = DATA / "frame_model.csv"
NFC_CUES_PATH = DATA / "frames_nfc_cues.csv"   # cues for NFC questions (re2, re6, hi1-hi3): coding="nfc" only
SV_CUES_PATH = DATA / "frames_sv_cues.csv"   # weak cues for S&V's morality and responsibility questions: frame_ranks
GENERIC_FRAMES = ["conflict", "human_interest", "economic", "morality", "responsibility"]
VALIDATED_FRAMES = GENERIC_FRAMES + ["military_security", "diplomacy", "humanitarian"]
IGNORE = "ignore"    # pseudo-frame of idioms: matched (hiding the frame words inside them), never counted
CODINGS = ("kit", "nfc")   # coding conventions a lexicon row may be limited to (column `codings`)
CODING = "kit"   # default coding convention of `present`: the kit's guide (S&V questions, general news)


def read_table(path: Path) -> pd.DataFrame:
    """A data table of the framing package from a CSV (lines starting with `#` skipped) or YAML file."""
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):   # {frame: [term, ...]} or {frame: {terms: [...], source: ...}}
            rows = []
            for frame, spec in data.items():
                terms = spec.get("terms", []) if isinstance(spec, dict) else spec
                source = spec.get("source", str(path)) if isinstance(spec, dict) else str(path)
                rows += [{"frame": frame, "term": t, "source": source} for t in terms]
            return pd.DataFrame(rows, columns=["frame", "term", "source"])
        return pd.DataFrame(data)
    with open(path, encoding="utf-8", newline="") as fh:
        return pd.DataFrame(list(csv.DictReader(line for line in fh if not line.startswith("#"))))


def load_lexicon(lexicon=None) -> pd.DataFrame:
    """The frame lexicon as a table (frame, term, question, source); `lexicon` = path (CSV/YAML),
    DataFrame or None. `question` (optional, "" when absent) names the coding question a term answers
    (Semetko & Valkenburg's C1-C4, H1-H5, E1-E3, M1-M3, R1-R5 in the kit's lexicon). `codings` (optional,
    "" = every coding) limits a row to one coding convention of `CODINGS` (`compile_lexicon(coding=...)`);
    another value raises DataFileError naming the row."""
    if lexicon is None:
        lexicon = LEXICON_PATH
    table = lexicon.copy() if isinstance(lexicon, pd.DataFrame) else read_table(Path(lexicon))
    missing = {"frame", "term"} - set(table.columns)
    if missing:
        raise ValueError(f"lexicon needs columns frame and term (missing {sorted(missing)})")
    for optional in ("question", "source", "codings"):
        if optional not in table:
            table[optional] = ""
    table = table.dropna(subset=["frame", "term"])
    table["frame"] = table["frame"].astype(str).str.strip()
    table["term"] = table["term"].astype(str).str.strip()
    table["question"] = table["question"].fillna("").astype(str).str.strip()
    table["codings"] = table["codings"].fillna("").astype(str).str.strip()
    alien = table[~table["codings"].isin(("",) + CODINGS)]
    if len(alien):
        row = alien.iloc[0]
        raise DataFileError(f"lexicon {lexicon if not isinstance(lexicon, pd.DataFrame) else '(table)'}: row "
                            f"{row['frame']},{row['term']} has codings {row['codings']!r}; known: {', '.join(CODINGS)}")
    table = table[(table["frame"] != "") & (table["term"] != "")]
    return table.drop_duplicates(["frame", "term"]).reset_index(drop=True)[["frame", "term", "question", "source",
                                                                              "codings"]]


def frame_info() -> pd.DataFrame:
    """The frames of the kit's lexicon: frame, label, group, question, source (framing_frames.csv)."""
    return read_table(FRAMES_PATH)


def question_info() -> pd.DataFrame:
    """Semetko & Valkenburg's questions: frame, question, text (`analysis/data/frame_questions.csv`)."""
    return read_table(QUESTIONS_PATH)
