"""Records passed between the sourcing steps: a person of the article's registry (`Person`) and a
parsed source phrase (`Speaker`).
"""
from __future__ import annotations


class Person:
    __slots__ = ("name", "role", "type", "org", "gender")

    def __init__(self, name, role=None, type_=None, org=False):
        self.name, self.role, self.type, self.org = name, role, type_, org
        self.gender = None


class Speaker:
    __slots__ = ("kind", "words", "role", "start", "text")

    def __init__(self, kind, words, role=None, start=0, text=""):
        self.kind, self.words, self.role, self.start, self.text = kind, words, role, start, text
