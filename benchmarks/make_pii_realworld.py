"""Write ``benchmarks/data/pii_realworld.jsonl``: a PII set that Presidio's generator did not make.

Seeded and deterministic (``python benchmarks/make_pii_realworld.py`` rewrites the same file).
Every value list and template below was written by hand for this set: names from many
languages, invented organizations, job titles, postal addresses in thirteen countries'
formats, phone numbers in national and international formats, card numbers with a valid
Luhn digit and IBANs with valid mod-97 check digits, dates in several notations, e-mail
addresses, URLs and IPs. They appear in the contexts where PII shows up in company data:
e-mails with signatures, support tickets, chat logs, CSV rows, HR and invoice notes, and
plain questions. Sentences without PII (order numbers, versions, amounts, product names)
are mixed in, so false positives count.

Each line: ``{"text", "spans": [[start, end, entity], ...], "context"}`` with Presidio's
entity names. Conventions: a whole postal address (street to postcode) is one ``ADDRESS``; a
city or country on its own is ``LOCATION``; a job title and an honorific are ``TITLE``; a
bare time or date is ``DATE_TIME``. The benchmark (``a6_p7_pii.py``) reports the ``test``
part of ``scripts/train/splits.py`` (by text); the other parts were the ones read while
developing.
"""

# ruff: noqa: E501  (the templates and value lists read best one per line)
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "pii_realworld.jsonl"
SEED = 20261202
N_SENTENCES = 1500

FIRST = (
    "Olivia Liam Emma Noah Charlotte James Amelia Lucas Sofía Mateo Valentina Santiago "
    "Lukas Hannah Jonas Leonie Élodie Mathis Chloé Léa Giulia Lorenzo Francesca Matteo "
    "Zofia Jakub Agnieszka Piotr Chidi Ngozi Oluwaseun Amara Kwame Abena Priya Arjun "
    "Ananya Rohan Wei Li Xiaoming Mei Haruto Yui Sakura Kenji Min-jun Seo-yeon Ji-ho "
    "Fatima Omar Layla Youssef Mehmet Elif Emre Zeynep Nguyen Linh Minh Dimitris Eleni "
    "Ingrid Lars Astrid Erik Camila Thiago Beatriz João Siobhan Ciarán Aoife Niamh "
    "Olumide Tendai Ayesha Bilal Anastasia Dmitri Katarzyna Björn Saoirse Rafael"
).split()
LAST = (
    "Smith Johnson Williams Brown García Martínez Rodríguez López Müller Schmidt "
    "Schneider Fischer Weber Dubois Moreau Lefèvre Rossi Russo Bianchi Ferrari Kowalski "
    "Nowak Wiśniewska Okafor Adeyemi Mensah Boateng Patel Sharma Iyer Reddy Wang Chen "
    "Zhang Liu Tanaka Suzuki Takahashi Kim Park Lee Al-Sayed Haddad Yılmaz Demir Kaya "
    "Tran Pham Papadopoulos Georgiou Andersson Johansson Nilsen Hansen Silva Santos "
    "Oliveira Pereira O'Brien Murphy Ní Bhriain Van der Berg De Vries Jansen Novák "
    "Horváth Ivanova Petrov Kuznetsov Mwangi Chukwu Fernandes Costa Lindqvist Okonkwo"
).split()
LAST += ["Ní Bhriain", "Van der Berg", "De Vries"]
LAST = [w for w in LAST if w not in {"Ní", "Bhriain", "Van", "der", "Berg", "De", "Vries"}]

ORG_HEAD = (
    "Northwind Bluefin Kestrel Silverline Harborview Redwood Aurora Meridian Pinecrest "
    "Lumen Copperfield Stonebridge Tidewater Brightpath Halcyon Vantage Orchard Falcon "
    "Ironbark Crescent Sable Quarry Westgate Juniper Solstice Granite Riverton Evergreen"
).split()
ORG_MID = (
    "Logistics|Analytics|Health Partners|Capital|Pharma|Freight|Software|Energy|Dental "
    "Group|Insurance|Robotics|Foods|Textiles|Legal Services|Consulting|Biotech|Hotels|"
    "Engineering|Media|Payments"
).split("|")
ORG_SUFFIX = ("Inc.", "Ltd", "GmbH", "S.A.", "LLC", "B.V.", "AB", "Pty Ltd", "K.K.", "", "", "")
ORG_FIXED = (
    "Müller & Söhne KG",
    "Banco Solaris S.A.",
    "Tanaka Shoji K.K.",
    "Okafor & Mensah Partners",
    "Hansen Bygg AS",
    "Rossi Costruzioni S.p.A.",
    "Patel Brothers Trading",
    "St. Mary's Regional Hospital",
    "University of Eastbrook",
    "Kim & Park Accounting",
)

JOBS = (
    "Senior Software Engineer|Head of Procurement|Accounts Payable Clerk|Registered Nurse|"
    "VP of Sales|Customer Success Manager|Data Protection Officer|Chief Financial Officer|"
    "Warehouse Supervisor|Paralegal|Marketing Coordinator|HR Business Partner|"
    "Site Reliability Engineer|Office Manager|Clinical Research Associate|Payroll Specialist|"
    "Regional Sales Director|Junior Accountant|Product Designer|Chief Technology Officer|"
    "Logistics Planner|Dental Hygienist|Compliance Analyst|Executive Assistant|"
    "Operations Manager|Legal Counsel|Store Manager|IT Support Technician|Pharmacist|"
    "Quality Assurance Lead"
).split("|")

# (street templates, city/postcode line templates) per country: {n} house number
CITIES: dict[str, list[tuple[str, str]]] = {
    "US": [("Springfield", "IL 62704"), ("Austin", "TX 78701"), ("Portland", "OR 97205")],
    "UK": [("Brighton", "BN1 1NB"), ("Manchester", "M1 2AB"), ("Leeds", "LS1 4DY")],
    "DE": [("Berlin", "10115"), ("München", "80331"), ("Köln", "50667")],
    "FR": [("Paris", "75002"), ("Lyon", "69002"), ("Bordeaux", "33000")],
    "JP": [("Shibuya-ku, Tokyo", "150-0002"), ("Kita-ku, Osaka", "530-0001")],
    "IN": [("Bengaluru", "560001"), ("Pune", "411001"), ("Chennai", "600002")],
    "BR": [("São Paulo - SP", "01304-001"), ("Curitiba - PR", "80010-000")],
    "CA": [("Toronto, ON", "M5H 2S6"), ("Vancouver, BC", "V6B 1A1")],
    "NL": [("Amsterdam", "1016 DV"), ("Utrecht", "3511 LX")],
    "AU": [("Sydney NSW", "2000"), ("Melbourne VIC", "3000")],
    "ES": [("Madrid", "28013"), ("Valencia", "46002")],
    "IT": [("Milano", "20121"), ("Roma", "00184")],
    "PL": [("Kraków", "31-042"), ("Warszawa", "00-950")],
}
STREETS: dict[str, list[str]] = {
    "US": ["Maple Avenue", "Oak Street", "Sunset Blvd", "Lincoln Road"],
    "UK": ["Kings Road", "Church Lane", "High Street", "Victoria Terrace"],
    "DE": ["Hauptstraße", "Lindenweg", "Bahnhofstr.", "Goethestraße"],
    "FR": ["rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire"],
    "JP": ["Jingumae", "Umeda"],
    "IN": ["MG Road", "Residency Road", "Anna Salai"],
    "BR": ["Rua Augusta", "Avenida Paulista", "Rua XV de Novembro"],
    "CA": ["Bay St", "Granville Street", "Queen St W"],
    "NL": ["Keizersgracht", "Oudegracht", "Prinsengracht"],
    "AU": ["George Street", "Collins St", "Pitt Street"],
    "ES": ["Calle Mayor", "Avenida de América", "Calle de Alcalá"],
    "IT": ["Via Roma", "Corso Buenos Aires", "Viale Trastevere"],
    "PL": ["ul. Floriańska", "ul. Marszałkowska", "al. Jerozolimskie"],
}
COUNTRY_NAME = {
    "US": "USA",
    "UK": "United Kingdom",
    "DE": "Germany",
    "FR": "France",
    "JP": "Japan",
    "IN": "India",
    "BR": "Brazil",
    "CA": "Canada",
    "NL": "Netherlands",
    "AU": "Australia",
    "ES": "Spain",
    "IT": "Italy",
    "PL": "Poland",
}
LONE_PLACES = (
    "Osaka|Lagos|Nairobi|Lisbon|Rotterdam|Gdańsk|Busan|Hanoi|Monterrey|Porto Alegre|"
    "Edinburgh|Cork|Bergen|Thessaloniki|Izmir|Kraków|Lyon|Toronto|Melbourne|Dubai|Singapore|"
    "Mumbai|Casablanca|Vancouver|Mexico|Kenya|Vietnam|Chile|Norway|Ireland|Egypt|Peru"
).split("|")
NATIONALITIES = (
    "Brazilian|Nigerian|Polish|Vietnamese|Irish|Korean|Turkish|Mexican|Ghanaian|Greek|Dutch"
).split("|")
DOMAINS = ("gmail.com", "outlook.com", "yahoo.co.uk", "web.de", "proton.me", "mail.ru")


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    prefix, length, groups = rng.choice(
        [
            ("4", 16, (4, 4, 4, 4)),
            ("5", 16, (4, 4, 4, 4)),
            ("37", 15, (4, 6, 5)),
            ("6011", 16, (4, 4, 4, 4)),
            ("2", 16, (4, 4, 4, 4)),
        ]
    )
    if prefix == "5":
        prefix += str(rng.randint(1, 5))
    if prefix == "2":
        prefix = "22" + str(rng.randint(21, 99))
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    number = body + luhn_digit(body)
    sep = rng.choice([" ", "-", ""])
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return sep.join(out)


IBAN_BBAN = {
    "DE": "8n10n",
    "GB": "4a14n",
    "FR": "10n11c2n",
    "NL": "4a10n",
    "ES": "20n",
    "IT": "1a10n12c",
    "PL": "24n",
    "BE": "12n",
}


def iban(rng: random.Random) -> str:
    country = rng.choice(sorted(IBAN_BBAN))
    bban = ""
    for count, kind in re.findall(r"(\d+)([anc])", IBAN_BBAN[country]):
        for _ in range(int(count)):
            if kind == "n":
                bban += str(rng.randint(0, 9))
            elif kind == "a":
                bban += rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            else:
                bban += rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    code = f"{country}{98 - int(digits) % 97:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def phone(rng: random.Random) -> str:
    def d(n: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(n))

    return rng.choice(
        [
            f"+1 ({rng.randint(201, 989)}) 555-{d(4)}",
            f"{rng.randint(201, 989)}.555.{d(4)}",
            f"({rng.randint(201, 989)}) 555-{d(4)}",
            f"+44 20 7946 {d(4)}",
            f"07700 900{d(3)}",
            f"+49 30 {d(7)}",
            f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+81 3-{d(4)}-{d(4)}",
            f"+91 98{d(3)} {d(5)}",
            f"(02) 9{d(3)} {d(4)}",
            f"+55 11 9{d(4)}-{d(4)}",
            f"+48 12 {d(3)} {d(2)} {d(2)}",
            f"+31 20 {d(3)} {d(4)}",
        ]
    )


def date(rng: random.Random) -> str:
    months = "January February March April May June July August September October November December".split()
    y, m, dd = rng.randint(1958, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [
            f"{months[m - 1]} {dd}, {y}",
            f"{dd} {months[m - 1]} {y}",
            f"{m:02d}/{dd:02d}/{y}",
            f"{dd:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{dd:02d}",
            f"{dd} {months[m - 1][:3]} {y}",
        ]
    )


def address(rng: random.Random) -> str:
    c = rng.choice(sorted(CITIES))
    street = rng.choice(STREETS[c])
    city, post = rng.choice(CITIES[c])
    n = rng.randint(1, 480)
    sep = rng.choice([", ", "\n"])
    if c in {"US", "AU", "CA", "UK", "IN"}:
        unit = rng.choice(
            ["", f"Apt {rng.randint(1, 40)}{rng.choice('AB')}, ", f"Unit {rng.randint(1, 20)}, "]
        )
        line1 = (
            f"{unit}{n} {street}" if c != "UK" else f"{rng.choice(['', 'Flat 2, '])}{n} {street}"
        )
        last = f"{city} {post}"
        if c == "US":
            last = f"{city}, {post}"
    elif c == "JP":
        line1 = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)} {street}"
        last = f"{city} {post}"
    elif c == "BR":
        line1 = f"{street}, {n}"
        last = f"{city}, {post}"
    else:  # street, number first; postcode before the city
        line1 = (
            f"{street} {n}"
            if c not in {"FR", "ES", "IT"}
            else f"{n} {street}"
            if c == "FR"
            else f"{street}, {n}"
        )
        last = f"{post} {city}"
    out = f"{line1}{sep}{last}"
    if rng.random() < 0.3:
        out += f"{sep}{COUNTRY_NAME[c]}"
    return out


class Builder:
    """Fills a template's ``{slot}`` markers and records each filled value's span."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.person: tuple[str, str] = ("", "")

    def fill(
        self, template: str, slots: dict[str, tuple[str, Callable[[], str]]]
    ) -> dict[str, object]:
        text, spans, pos = "", [], 0
        cache: dict[str, str] = {}
        for m in re.finditer(r"\{(\w+)\}", template):
            text += template[pos : m.start()]
            key = m.group(1)
            entity, make = slots[key.rstrip("0123456789")]
            value = cache.setdefault(key, make())
            if entity:
                spans.append([len(text), len(text) + len(value), entity])
            text += value
            pos = m.end()
        text += template[pos:]
        return {"text": text, "spans": spans}


def build(rng: random.Random) -> list[dict[str, object]]:
    def first() -> str:
        return rng.choice(FIRST)

    def last() -> str:
        return rng.choice(LAST)

    def org() -> str:
        if rng.random() < 0.3:
            return rng.choice(ORG_FIXED)
        return f"{rng.choice(ORG_HEAD)} {rng.choice(ORG_MID)} {rng.choice(ORG_SUFFIX)}".strip()

    state: dict[str, str] = {}

    def full() -> str:
        f, lst = first(), last()
        state["f"], state["l"] = f, lst
        return rng.choice([f"{f} {lst}", f"{f} {lst}", f"{f[0]}. {lst}"])

    def email() -> str:
        f = state.get("f", first())
        lst = state.get("l", last())
        ascii_f = (
            re.sub(
                r"[^a-z]",
                "",
                f.lower().translate(str.maketrans("éèçíóúáãöüłśñøåäı", "eeciouaaoulsnoaai")),
            )
            or "user"
        )
        ascii_l = (
            re.sub(
                r"[^a-z]",
                "",
                lst.lower().translate(str.maketrans("éèçíóúáãöüłśñøåäı", "eeciouaaoulsnoaai")),
            )
            or "x"
        )
        dom = rng.choice([*DOMAINS, f"{rng.choice(ORG_HEAD).lower()}.com"])
        return rng.choice(
            [
                f"{ascii_f}.{ascii_l}@{dom}",
                f"{ascii_f[0]}{ascii_l}@{dom}",
                f"{ascii_f}{rng.randint(1, 99)}@{dom}",
            ]
        )

    def ssn() -> str:
        return f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"

    def ip() -> str:
        return rng.choice(
            [
                f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                f"203.0.113.{rng.randint(1, 254)}",
                f"2001:db8::{rng.randint(1, 9999):x}",
            ]
        )

    def url() -> str:
        return rng.choice(
            [
                f"https://{rng.choice(ORG_HEAD).lower()}.com/account/{rng.randint(100, 9999)}",
                f"https://www.linkedin.com/in/{state.get('f', 'anna').lower()}-{rng.randint(10, 999)}",
            ]
        )

    def time_() -> str:
        return rng.choice(
            [
                f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])} {rng.choice(['am', 'pm', 'AM', 'PM'])}",
                f"{rng.randint(8, 18):02d}:{rng.choice(['00', '15', '30', '45'])}",
            ]
        )

    slots: dict[str, tuple[str, Callable[[], str]]] = {
        "name": ("PERSON", full),
        "first": ("PERSON", first),
        "lowfirst": ("PERSON", lambda: first().lower()),
        "lowname": ("PERSON", lambda: full().lower()),
        "csvname": ("PERSON", lambda: f"{last()}, {first()}"),
        "org": ("ORGANIZATION", org),
        "job": ("TITLE", lambda: rng.choice(JOBS)),
        "hon": ("TITLE", lambda: rng.choice(["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."])),
        "email": ("EMAIL_ADDRESS", email),
        "phone": ("PHONE_NUMBER", lambda: phone(rng)),
        "addr": ("ADDRESS", lambda: address(rng)),
        "city": ("LOCATION", lambda: rng.choice(LONE_PLACES)),
        "nrp": ("NRP", lambda: rng.choice(NATIONALITIES)),
        "card": ("CREDIT_CARD", lambda: card(rng)),
        "iban": ("IBAN_CODE", lambda: iban(rng)),
        "date": ("DATE_TIME", lambda: date(rng)),
        "time": ("DATE_TIME", time_),
        "ssn": ("US_SSN", ssn),
        "ip": ("IP_ADDRESS", ip),
        "url": ("URL", url),
        "age": ("AGE", lambda: str(rng.randint(19, 88))),
        # not PII: filled, never annotated
        "ticket": ("", lambda: str(rng.randint(10000, 99999))),
        "order": ("", lambda: f"{rng.choice(['SO', 'PO', 'INV'])}-{rng.randint(100000, 999999)}"),
        "amount": ("", lambda: rng.choice(["$1,250.00", "€ 89,90", "£420", "USD 12,000", "3.5%"])),
        "version": ("", lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"),
        "qty": ("", lambda: str(rng.randint(2, 500))),
    }
    templates: list[tuple[str, str]] = [
        # e-mails with signatures
        (
            "email",
            "Hi {first},\n\nPlease find the signed contract attached.\n\nBest regards,\n{name}\n{job}\n{org}\nTel: {phone}\n{email}",
        ),
        (
            "email",
            "Dear {hon} {name},\nThank you for your order {order}. It will ship to {addr} on {date}.\nKind regards,\nCustomer Service",
        ),
        (
            "email",
            "Hello team, {name} ({job}) joins {org} on {date}. Her desk phone is {phone} and email {email}.",
        ),
        (
            "email",
            "From: {name} <{email}>\nSent: {date} {time}\nSubject: Invoice {order}\n\nPlease pay {amount} to IBAN {iban} by the end of the month.",
        ),
        ("email", "Hi, could you update my billing address to {addr}? Thanks, {first}"),
        ("email", "Cheers,\n{name} | {job} | {org}\nM: {phone}"),
        # support tickets
        (
            "ticket",
            "Ticket #{ticket}\nCustomer: {name}\nEmail: {email}\nPhone: {phone}\nIssue: card {card} was charged twice on {date}.",
        ),
        (
            "ticket",
            "[Ticket {ticket}] Caller {name} from {org} reports login failures from {ip} since {date}.",
        ),
        (
            "ticket",
            "Customer says the refund of {amount} for {order} never reached account {iban}.",
        ),
        (
            "ticket",
            "Escalated to {name}, {job}. Customer {name2} asked for a callback at {phone} after {time}.",
        ),
        (
            "ticket",
            "Please reset the password for {email}; the user ({name}) is locked out after the {version} update.",
        ),
        ("ticket", "Delivery failed: nobody at {addr}. Courier will retry on {date}."),
        # chat logs
        (
            "chat",
            "[{time}] {lowfirst}: hey can u send the deck to {email}\n[{time2}] {first2}: sure, done",
        ),
        (
            "chat",
            "{first}: where are you based now?\n{first2}: moved to {city} last spring, working for {org}",
        ),
        (
            "chat",
            "support_bot: How can I help?\nuser: my card {card} got declined in {city}, my name is {lowname}",
        ),
        ("chat", "{lowfirst}: call me on {phone} when ur free"),
        ("chat", "{first}: meeting moved to {date} at {time}, {name2} will join from {city}"),
        # CSV-ish rows
        ("csv", "id,name,email,phone,city\n{ticket},{name},{email},{phone},{city}"),
        ("csv", '"{csvname}";"{email}";"{date}";"{card}"'),
        ("csv", "employee_id|full_name|title|start_date\nE{ticket}|{name}|{job}|{date}"),
        ("csv", "{name}\t{org}\t{job}\t{phone}"),
        ("csv", 'order,customer,ship_to\n{order},{name},"{addr}"'),
        # HR, health, finance notes
        ("hr", "{name}, {age}, {nrp} national, SSN {ssn}, started as {job} on {date}."),
        ("hr", "Reference check: {name} worked at {org} as {job} until {date}."),
        ("hr", "Emergency contact for {name}: {name2}, {phone}, {addr}."),
        ("hr", "Patient {name} (DOB {date}) was referred by {hon} {name2} at {org}."),
        ("finance", "Wire {amount} from {iban} to {org}, reference {order}."),
        ("finance", "The {job} approved the payment on {date}; card ending in {card} was used."),
        (
            "finance",
            "Direct debit mandate: account holder {name}, IBAN {iban}, signed in {city} on {date}.",
        ),
        # plain questions and statements
        ("question", "Can {org} deliver to {addr} before {date}?"),
        ("question", "Is {name} still the {job} at {org}?"),
        ("question", "What is the phone number of our office in {city}?"),
        ("question", "My name is {name} and I live in {city}. Why was my card {card} blocked?"),
        ("question", "I'm {nrp} and moved to {city} in {date}; which documents do I need?"),
        ("question", "Who signed the lease for {addr}?"),
        ("question", "Please send the NDA to {name} at {email}."),
        ("question", "The profile {url} belongs to {name}, right?"),
        # no PII at all
        ("none", "Order {order} contains {qty} units and ships next week."),
        ("none", "Release {version} fixes the export bug reported in ticket {ticket}."),
        ("none", "The invoice total is {amount} including VAT."),
        ("none", "How many days do customers have to return a product?"),
        ("none", "Our refund policy covers items bought in the last 30 days."),
        ("none", "Please summarise the Q3 revenue report for the board."),
        ("none", "The Premium plan includes 5 seats and priority support."),
        ("none", "What is the difference between the Standard and Enterprise tiers?"),
    ]
    b = Builder(rng)
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    while len(out) < N_SENTENCES:
        context, template = rng.choice(templates)
        item = b.fill(template, slots)
        if item["text"] in seen:
            continue
        seen.add(str(item["text"]))
        out.append({**item, "context": context})
    return out


def main() -> None:
    items = build(random.Random(SEED))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} sentences to {OUT.name}")


if __name__ == "__main__":
    main()
