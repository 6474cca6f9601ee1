"""Write realistic CRM exports of an Austrian SME in the default import layout.

The firm, AlpenTech Steuerungen GmbH (Linz), makes controls for woodworking machines;
its customers are joineries, sawmills, timber-frame builders, schools and municipalities.
The files look like what people export from a CRM or keep in Excel: channel names in
German and English spellings, dates as 03.02.2025 or 2025-02-03 14:30, stray spaces,
blank cells and "-" for nothing, 1.200 for twelve hundred; customers.csv is saved the
way German Excel saves CSV (semicolons, Windows-1252). Every row is valid: the files
import cleanly into an empty store.

    python examples/crm/make_samples.py                       # examples/crm/*.csv
    python examples/crm/make_samples.py --customers 1000 --out /tmp/big
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

FIRM = ["alpentech", "AlpenTech Steuerungen GmbH", "Österreich", "48", "Steuerungstechnik"]
PLACES = [
    "Linz",
    "Wels",
    "Steyr",
    "Graz",
    "Salzburg",
    "Innsbruck",
    "Passau",
    "Rosenheim",
    "Ried",
    "Vöcklabruck",
    "Gmunden",
    "Freistadt",
    "Braunau",
    "Kufstein",
    "Villach",
]
TRADES = [
    ("Tischlerei", "Tischlerei", "B2B"),
    ("Sägewerk", "Sägewerk", "Firmenkunde"),
    ("Holzbau", "Holzbau", "B2B"),
    ("Zimmerei", "Zimmerei", "b2b"),
    ("Fensterbau", "Fensterbau", "Geschäftskunde"),
    ("Möbelwerkstätte", "Möbelbau", "B2B"),
]
PUBLIC = [
    ("Gemeinde", "Bauhof", "Öffentliche Hand"),
    ("HTL", "Schulwerkstatt", "public sector"),
    ("Stadtwerke", "Bauhof", "Behörde"),
]
SURNAMES = [
    "Huber",
    "Gruber",
    "Bauer",
    "Wagner",
    "Müller",
    "Pichler",
    "Steiner",
    "Moser",
    "Mayer",
    "Hofer",
    "Leitner",
    "Berger",
    "Fuchs",
    "Eder",
    "Fischer",
    "Schmid",
    "Winkler",
    "Weber",
    "Schwarz",
    "Maier",
    "Schneider",
    "Reiter",
    "Mayr",
    "Brunner",
]
COUNTRY = {"Passau": "Deutschland", "Rosenheim": "DE"}
ROLES = [("passiv", 5), ("Bestandskunde", 2), ("aktiv", 3), ("active", 1), ("Wissenspartner", 2)]
MOTIVES = ["Vertrauen", "Informationszugang", "bessere Produkte", "Reputation", "-", ""]
DIRECT = [
    "Telefon",
    "phone",
    "call",
    "Anruf",
    "E-Mail",
    "email",
    "Besuch",
    "Kundenbesuch",
    "Workshop",
    "Messe",
    "Teams",
    "Videokonferenz",
    "Termin",
    "Support",
    "Hotline",
]
INDIRECT = ["Umfrage", "Fragebogen", "Kundenportal", "Ideenplattform", "LinkedIn", "Chat"]
JOINT = ["gemeinsam", "Joint", "joint sphere"]
# No interaction lies in the provider sphere, which is closed to the customer (seed 004
# l.145); the non-joint rows use customer-sphere spellings.
CUSTOMER_SPHERE = ["Kunde", "customer sphere"]
STYLES = ["", "", "-", "Co-Innovation", "gemeinsames Lernen", "Prosumer", "Mutual"]
TOPICS = [
    "Nachrüstung CNC-Steuerung",
    "Wartungsvertrag",
    "Schulung Bedienpersonal",
    "Störung Absauganlage",
    "Angebot Kantenanleimer",
    "Software-Update V4",
    "Energiemonitoring",
    "Ersatzteilbestellung",
    "Fernwartung einrichten",
]
STATEMENTS = [
    ("Idee", "Wünscht sich eine Tablet-Bedienung direkt an der Maschine."),
    ("Vorschlag", "Schlägt vor, Werkzeugwechsel im Display mit Foto anzuzeigen."),
    ("Beschwerde", "Fernwartung bricht bei schwachem Netz ab; Techniker musste anreisen."),
    ("Feedback", "Neue Absaugsteuerung spart laut Kunde rund 15 % Strom."),
    ("Erfahrung", "Bedienpersonal kommt mit Menüstruktur V4 nach zwei Tagen gut zurecht."),
    ("Anfrage", "Fragt, ob die Steuerung auch ältere Kantenanleimer ansteuern kann."),
    ("Wettbewerb", "Mitbewerber bietet Wartung inkl. Ersatzteilen zum Fixpreis an."),
    ("Trend", "Immer mehr Tischlereien fragen nach CO2-Bilanz pro Auftrag."),
    ("Präferenz", "Bevorzugt Schulungen vor Ort statt Webinar."),
]
ABOUT = [
    ("Stammdaten", "Betrieb wird 2026 an die Tochter übergeben."),
    ("Kundenprozess", "Plant Umstellung auf Zweischichtbetrieb im Herbst."),
]
FOR = [
    ("Produktinfo", "Datenblatt der Steuerung V4 mit Schnittstellenliste zugesandt."),
    ("Anleitung", "Anleitung zur Kalibrierung der Sensoren übermittelt."),
]
KINDS = [
    ("Produktentwicklung", "operativ"),
    ("Empfehlung", "operativ"),
    ("Prozessverbesserung", "organisatorisch"),
    ("Frühwarnung", "strategisch"),
    ("Markterweiterung", "strategisch"),
    ("Vertriebsunterstützung", "operativ"),
]
STORES = ["CRM", "Salesforce", "E-Mail", "im Kopf", "Ticketsystem", ""]


def german_date(day: date | datetime, rng: random.Random) -> str:
    """A date as people type it: 03.02.2025, 2025-02-03, 3.2.2025."""
    style = rng.random()
    if style < 0.5:
        return day.strftime("%d.%m.%Y")
    if style < 0.8:
        return day.strftime("%Y-%m-%d")
    return f"{day.day}.{day.month}.{day.year}"


def with_time(moment: datetime, rng: random.Random) -> str:
    """A date and time, sometimes only the date, sometimes with stray spaces."""
    style = rng.random()
    if style < 0.35:
        return moment.strftime("%d.%m.%Y %H:%M")
    if style < 0.65:
        return moment.strftime("%Y-%m-%d %H:%M")
    if style < 0.8:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return f" {german_date(moment, rng)} "


def make(customers: int, seed: int = 7) -> dict[str, list[list[str]]]:
    """The five files' rows (header first) for ``customers`` customers."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 8, 8, 0)
    firms = [["firm_id", "name", "country", "employees", "business_field"], FIRM]
    people = [
        [
            "customer_id",
            "name",
            "firm_id",
            "role",
            "typology",
            "country",
            "employees",
            "business_field",
            "motive",
        ]
    ]
    roles: dict[str, str] = {}
    for n in range(customers):
        key = f"K-{10001 + n}"
        place = rng.choice(PLACES)
        kind, field, typology = rng.choice(PUBLIC if rng.random() < 0.08 else TRADES)
        name = (
            f"{kind} {rng.choice(SURNAMES)} {place}"
            if kind in ("Tischlerei", "Zimmerei")
            else f"{kind} {place}"
            if kind in ("Gemeinde", "HTL", "Stadtwerke")
            else f"{rng.choice(SURNAMES)} {kind} GmbH"
        )
        if n % 9 == 4:
            name = f"  {name} "  # stray spaces from a copy-and-paste
        role = rng.choices([r for r, _ in ROLES], [w for _, w in ROLES])[0]
        roles[key] = role
        motive = "Vertrauen" if role == "Wissenspartner" else rng.choice(MOTIVES)
        employees = rng.choice(["4", "12", "25", "", "k.A.", "1.200", "60", "8"])
        people.append(
            [
                key,
                name,
                "alpentech",
                role,
                typology,
                COUNTRY.get(place, rng.choice(["AT", "Österreich", "at", "A"])),
                employees,
                field,
                motive,
            ]
        )
    keys = [row[0] for row in people[1:]]
    active = [k for k in keys if roles[k] in ("aktiv", "active", "Wissenspartner")]
    acts = [
        [
            "interaction_id",
            "firm_id",
            "customer_id",
            "start",
            "end",
            "channel",
            "sphere",
            "style",
            "satisfaction",
            "title",
            "summary",
        ]
    ]
    moments: dict[str, datetime] = {}
    for n in range(int(customers * 2.5)):
        key = f"A-{2024 + n // 2000}-{n % 2000 + 1:04d}"
        customer = rng.choice(keys)
        moment = start + timedelta(
            days=rng.randrange(0, 600),
            hours=rng.randrange(0, 9),
            minutes=rng.choice([0, 15, 30, 45]),
        )
        moments[key] = moment
        if rng.random() < 0.55:
            channel, sphere = rng.choice(DIRECT), rng.choice(JOINT)
        else:
            channel = rng.choice(DIRECT + INDIRECT)
            rng.choice((0, 1))  # the draw that once chose the provider sphere: rows stay
            sphere = rng.choice(CUSTOMER_SPHERE)
        end = "" if rng.random() < 0.6 else (moment + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
        satisfaction = rng.choice(["", "", "3", "4", "5", "4", "2", "-"])
        topic = rng.choice(TOPICS)
        summary = (
            ""
            if rng.random() < 0.3
            else f"{topic}: Rückmeldung dokumentiert, nächste "
            f'Schritte vereinbart ("Termin im {rng.choice(["März", "Mai", "Herbst"])}").'
        )
        channel = f" {channel}" if n % 13 == 0 else channel
        acts.append(
            [
                key,
                "alpentech",
                customer,
                with_time(moment, rng),
                end,
                channel,
                sphere,
                rng.choice(STYLES) if "gemeinsam" in sphere or "oint" in sphere else "",
                satisfaction,
                topic,
                summary,
            ]
        )
    knowledge = [
        [
            "knowledge_id",
            "direction",
            "content",
            "statement",
            "source_customer_id",
            "about_customer_id",
            "recipient_customer_id",
            "interaction_id",
            "recorded",
            "tacitness",
            "level",
            "stored_in",
            "title",
        ]
    ]
    for n, act in enumerate(rng.sample(acts[1:], k=int(customers * 1.2))):
        key = f"W-{n + 1:04d}"
        later = moments[act[0]] + timedelta(days=rng.choice([0, 0, 1, 3]))
        recorded = german_date(later, rng) if rng.random() < 0.8 else ""
        share = rng.random()
        if share < 0.7:
            content, statement = rng.choice(STATEMENTS)
            row = ["vom Kunden" if n % 2 else "from", content, statement, act[2], "", "", act[0]]
        elif share < 0.85:
            content, statement = rng.choice(ABOUT)
            row = ["about", content, statement, "", act[2], "", act[0]]
        else:
            content, statement = rng.choice(FOR)
            row = ["für Kunden", content, statement, "", "", act[2], act[0]]
        knowledge.append(
            [
                key,
                *row,
                recorded,
                rng.choice(["explizit", "implizit", "", "tacit"]),
                rng.choice(["know-how", "Faktenwissen", ""]),
                rng.choice(STORES),
                statement.split(";")[0][:40],
            ]
        )
    contributions = [
        [
            "contribution_id",
            "customer_id",
            "knowledge_id",
            "area",
            "kind",
            "date",
            "firm_id",
            "title",
        ]
    ]
    from_active = [k for k in knowledge[1:] if k[4] in active]
    for n, item in enumerate(from_active[: int(customers * 0.5)]):
        kind, area = rng.choice(KINDS)
        contributions.append(
            [
                f"B-{n + 1:04d}",
                item[4],
                item[0],
                area,
                kind,
                german_date(start + timedelta(days=rng.randrange(60, 640)), rng),
                rng.choice(["alpentech", "", "-"]),
                f"Beitrag: {item[12]}",
            ]
        )
    return {
        "firms.csv": firms,
        "customers.csv": people,
        "interactions.csv": acts,
        "knowledge.csv": knowledge,
        "contributions.csv": contributions,
    }


def write(files: dict[str, list[list[str]]], out: Path) -> None:
    """Write the files; customers.csv as German Excel does (semicolons, Windows-1252)."""
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        excel = name == "customers.csv"
        with (out / name).open("w", encoding="cp1252" if excel else "utf-8", newline="") as f:
            csv.writer(f, delimiter=";" if excel else ",", lineterminator="\r\n").writerows(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    arguments = parser.parse_args()
    write(make(arguments.customers, arguments.seed), arguments.out)
