"""The dependency tree of a parsed sentence, with the walks extraction needs."""

from __future__ import annotations

from collections.abc import Sequence

from kankei.model import Token

PHRASE_DEPS = frozenset(
    {"compound", "nmod", "amod", "det", "nummod", "appos", "flat", "conj", "fixed", "case"}
)
PARTICLE_DEPS = frozenset({"case", "mark", "fixed"})
COORDINATORS = ("と", "や", "及び", "および", "ならびに", "か")


class DepTree:
    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.children: list[list[Token]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                self.children[t.head].append(t)

    def particle(self, tok: Token) -> str:
        """Case particles after a noun, joined: が, への, による, に対して."""
        parts: list[str] = []
        for c in self.children[tok.i]:
            if c.dep in PARTICLE_DEPS and c.i > tok.i:
                parts.append(c.text)
                parts.extend(g.text for g in self.children[c.i] if g.dep == "fixed")
        joined = "".join(parts)
        # (米国やパキスタンなどは: など ends a list, the case follows it)
        return joined[2:] if joined.startswith("など") and len(joined) > 2 else joined

    def te_form(self, verb: Token) -> bool:
        """…して, …受けて: the verb is followed by its て (directly, or after a する)."""
        after = [t.text for t in self.tokens[verb.i + 1 : verb.i + 3]]
        return after[:1] == ["て"] or after == ["し", "て"]

    def phrase(self, tok: Token) -> set[int]:
        out = {tok.i}
        stack = [tok]
        while stack:
            cur = stack.pop()
            for c in self.children[cur.i]:
                if (c.dep in PHRASE_DEPS or self._name_as_clause(c)) and c.i not in out:
                    out.add(c.i)
                    stack.append(c)
        return out

    def _name_as_clause(self, tok: Token) -> bool:
        """A bare name the parser hung on its title as a clause (ロシアの|ヌルガリエフ|内相):
        a proper noun with no verb ending of its own is part of the phrase."""
        return (
            tok.dep == "acl"
            and tok.pos == "PROPN"
            and tok.head == tok.i + 1
            and not any(c.dep in ("aux", "cop") for c in self.children[tok.i])
        )

    def descendants(self, tok: Token, stop: frozenset[str] = frozenset()) -> set[int]:
        """Tokens below tok, not descending through the dependency labels in stop."""
        out: set[int] = set()
        stack = [tok.i]
        while stack:
            for c in self.children[stack.pop()]:
                if c.i not in out and c.dep not in stop:
                    out.add(c.i)
                    stack.append(c.i)
        return out

    def coordinated(self, tok: Token, through: frozenset[int] = frozenset()) -> list[Token]:
        """The items of a list ending in tok: A、B、Cを / AやBと / A及びB (as conj or as an
        nmod joined by a comma or a coordinating particle). The parser sometimes hangs the
        first item on a genitive modifier of the last (ニクソンと[ソ連最高指導者の]ブレジネフ):
        the search also passes through the modifiers listed in `through`."""
        items = [tok]
        stack = [tok]
        seen = {tok.i}
        while stack:
            cur = stack.pop()
            for c in self.children[cur.i]:
                if c.i in seen:
                    continue
                if c.dep == "conj" or (c.dep == "nmod" and self._joined(c, cur)):
                    items.append(c)
                    stack.append(c)
                    seen.add(c.i)
                elif c.dep == "nmod" and c.i in through and c.i < tok.i:
                    stack.append(c)
                    seen.add(c.i)
        return sorted(items, key=lambda t: t.i)

    def _joined(self, tok: Token, head: Token) -> bool:
        particle = self.particle(tok)
        if particle in COORDINATORS:
            return True
        if particle == "" and any(
            c.dep == "cc" and tok.i < c.i < head.i for c in self.children[head.i]
        ):
            return True  # A および B: the conjunction hangs on the last item
        return particle == "" and any(
            c.dep == "punct" and c.text in ("、", "，", "・") for c in self.children[tok.i]
        )

    def quoted(self) -> set[int]:
        """Tokens inside 「」 or 『』."""
        out: set[int] = set()
        depth = 0
        for t in self.tokens:
            if t.text in ("」", "』"):
                depth = max(depth - 1, 0)
            elif depth:
                out.add(t.i)
            if t.text in ("「", "『"):
                depth += 1
        return out

    def ancestors(self, tok: Token) -> list[Token]:
        out: list[Token] = []
        cur = tok
        while cur.head != cur.i and len(out) < len(self.tokens):
            cur = self.tokens[cur.head]
            out.append(cur)
        return out

    def compound_start(self, tok: Token) -> int:
        start = tok.i
        while start > 0:
            prev = self.tokens[start - 1]
            if prev.dep == "compound" and self._reaches(prev, tok):
                start -= 1
            else:
                break
        return start

    def _reaches(self, tok: Token, target: Token) -> bool:
        cur = tok
        for _ in range(len(self.tokens)):
            if cur.i == target.i:
                return True
            if cur.head == cur.i:
                return False
            cur = self.tokens[cur.head]
        return False


def token_at(tokens: Sequence[Token], char: int) -> int | None:
    for t in tokens:
        if t.start <= char < t.end:
            return t.i
    return None
