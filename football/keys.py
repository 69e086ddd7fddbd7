"""Natural keys: the stable, readable primary keys every row is stored under."""

from __future__ import annotations

from football.vocabulary import RoundKind, slug


def competition_key(name: str) -> str:
    return slug(name)


def season_key(competition: str, year: int) -> str:
    return f"{competition_key(competition)}/{year}"


def club_key(name: str) -> str:
    return slug(name)


def club_entry_key(season: str, club_id: str) -> str:
    """A club's entry in a season, from the season's key and the club's key."""
    return f"{season}/{club_id}"


def round_key(season: str, kind: RoundKind) -> str:
    return f"{season}/{slug(kind.value)}"


def group_key(season: str, name: str) -> str:
    return f"{season}/group-{slug(name)}"


def player_key(season: str, club: str, name: str) -> str:
    return f"{season}/{club_key(club)}/{slug(name)}"


def pairing_key(season: str, kind: RoundKind, home: str, away: str, leg: int | None = None) -> str:
    """A match's key (season, round, home, away, leg), and without a leg a knockout tie's."""
    key = f"{round_key(season, kind)}/{club_key(home)}-v-{club_key(away)}"
    return f"{key}/leg-{leg}" if leg else key
