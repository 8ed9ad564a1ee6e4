"""Plausible news that is *not* about violence, for throughput and prefilter benchmarks.

Sports, business, weather and culture stories built from templated sentences (our own
words) with random names, numbers and dates. The templates were written as ordinary
news prose, not chosen to dodge the prefilter: words such as "left", "field", "shot",
"claim", "serious", "body" or "stable" occur at their ordinary rate.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

FIRST = ["Maria", "James", "Aiko", "Omar", "Lena", "Pablo", "Grace", "Tomasz", "Nadia", "Samuel", "Ines", "Kwame",
         "Freya", "Rahul", "Chloe", "Mateo", "Hana", "Viktor", "Amara", "Jonas"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Castillo", "Novak", "Haddad", "Fischer", "Mensah",
        "Rossi", "Kowalski", "Singh", "Duarte", "Whitfield", "Petrov", "Nakamura", "Alvarez", "Byrne", "Osei"]
CITIES = ["Leeds", "Porto", "Lyon", "Osaka", "Denver", "Gdansk", "Nairobi", "Valencia", "Adelaide", "Bergen",
          "Quebec", "Malmo", "Toulouse", "Kraków", "Austin", "Dublin", "Seville", "Turin", "Halifax", "Perth"]
TEAMS = ["Rovers", "United", "Athletic", "City", "Wanderers", "Harriers", "Comets", "Falcons", "Mariners", "Rangers"]
COMPANIES = ["Northwind Logistics", "Brightpath Energy", "Kestrel Foods", "Alder & Vane", "Solvay Metals",
             "Bluecrest Software", "Marlow Textiles", "Pinecone Robotics", "Harbourline Shipping", "Quill Media"]
PRODUCTS = ["electric scooters", "frozen vegetables", "cloud storage", "solar panels", "running shoes",
            "hearing aids", "garden furniture", "coffee machines", "bicycle parts", "board games"]
ARTISTS = ["the Lantern Quartet", "painter Elsa Marin", "director Kofi Asante", "the Harbour Players",
           "novelist Ruth Caldwell", "the Meridian Choir", "sculptor Ivo Brandt", "the Copperfield Band"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TEMPLATES: dict[str, dict[str, list[str]]] = {
    "sports": {
        "head": ["{city} {team} beat {city2} {team2} {g1}-{g2}", "{name} scores twice as {team} go top",
                 "{team} held to a draw in {city}"],
        "body": [
            "{city} {team} beat {city2} {team2} {g1}-{g2} on {weekday} in front of {crowd} supporters.",
            "{name} opened the scoring in the {minute}th minute with a low shot from the edge of the box.",
            "The visitors hit the post twice before the break and had a goal ruled out for offside.",
            "{name2} left the field with a hamstring problem and is expected to miss the next {n} matches.",
            "Manager {name3} said the squad had shown character after a difficult run of results.",
            "\"We claim nothing yet, there are {n} games left,\" {name3} told reporters after the match.",
            "The win lifts {team} to {rank}th in the table, {n} points clear of the relegation places.",
            "Their next fixture is away at {city2} on {month} {day}.",
            "{name2} has now scored {n2} goals in {n3} appearances since joining from {city} in {month}.",
            "The referee showed {n} yellow cards in a bad-tempered second half.",
            "Attendance figures released by the league show a rise of {pct} percent on last season.",
            "The club's governing body confirmed that ticket prices will stay the same next year.",
            "{name}'s free kick in stoppage time was saved at full stretch by the keeper.",
        ],
    },
    "business": {
        "head": ["{company} profits rise {pct}%", "{company} to open new plant in {city}",
                 "Shares in {company} fall after weak outlook"],
        "body": [
            "{company} reported quarterly revenue of {money} million dollars on {weekday}, up {pct} percent on a year earlier.",
            "The company, which makes {product}, said demand had been strong in {city} and {city2}.",
            "Chief executive {name} said the firm would invest {money} million in a new plant near {city}.",
            "The plant is expected to create {crowd} jobs when it opens in {month} {year}.",
            "Analysts at {company2} said the results were better than expected but warned of rising costs.",
            "Shares closed {pct} percent higher at {money} cents, their best level since {month}.",
            "The board proposed a dividend of {n} cents a share, to be paid on {month} {day}.",
            "Critics of the deal say the merger with {company2} would leave too few suppliers of {product}.",
            "The firm expects margins to remain stable through the second half of the year.",
            "A spokesperson for the regulator said it would review the filing within {n} weeks.",
            "Inflation in the sector eased to {pct} percent in {month}, official figures showed.",
            "{name2}, a portfolio manager in {city}, said the outlook for {product} was serious but not bleak.",
        ],
    },
    "weather": {
        "head": ["Heatwave to continue across {city} region", "Storm brings heavy rain to {city}",
                 "Frost warning for {city} this weekend"],
        "body": [
            "Forecasters expect temperatures to reach {temp} degrees in {city} on {weekday}.",
            "The national weather service issued a yellow warning for rain covering {city} and {city2}.",
            "Up to {n2} millimetres of rain could fall in {n} hours, with local flooding possible on low roads.",
            "Winds gusting to {speed} kilometres per hour are likely along the coast.",
            "Residents were advised to secure garden furniture and check gutters before the weekend.",
            "The unsettled spell should clear by {weekday}, leaving a dry and bright end to {month}.",
            "{month} has been the wettest on record in {city}, with {n3} days of rain so far.",
            "Farmers said the late frost could cut fruit yields by {pct} percent this season.",
            "Meteorologist {name} said a large body of warm air over the sea would keep nights mild.",
            "Ferry services between {city} and {city2} were delayed by up to {n} hours.",
            "Pollen levels are forecast to be high, and people with hay fever should take care.",
        ],
    },
    "culture": {
        "head": ["{artist} return to {city} stage", "New exhibition opens at {city} gallery",
                 "Festival in {city} sells out in {n} days"],
        "body": [
            "{artist} will open the {city} festival on {month} {day}, organisers announced on {weekday}.",
            "Tickets for the {n}-day event sold out within {n2} hours of going on sale.",
            "The programme includes {n3} concerts, a film series and readings by {name}.",
            "The new exhibition at the {city} gallery brings together {n2} works from private collections.",
            "Curator {name2} said the show traces how the artist's style changed over {n} decades.",
            "The director's latest film, shot over {n} weeks in {city2}, premieres in {month}.",
            "Critics praised the lead performance by {name3}, calling it the best of the year.",
            "A spokesperson said the theatre had raised {money} thousand dollars for its restoration.",
            "The library will stay open late on {weekday}s through {month} for a series of talks.",
            "Local schools will receive {n2} free tickets, and a children's workshop runs every {weekday}.",
            "The orchestra left for a {n}-city tour of {city2} and {city} after the final night.",
            "Admission is free for visitors under {n3}, and the gallery is open daily from ten.",
        ],
    },
}


def _fill(rng: random.Random, template: str, day0: date) -> str:
    vals = {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "name3": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "city": rng.choice(CITIES), "city2": rng.choice(CITIES),
        "team": rng.choice(TEAMS), "team2": rng.choice(TEAMS), "company": rng.choice(COMPANIES),
        "company2": rng.choice(COMPANIES), "product": rng.choice(PRODUCTS), "artist": rng.choice(ARTISTS),
        "g1": rng.randint(0, 5), "g2": rng.randint(0, 4), "crowd": rng.randint(800, 60000), "minute": rng.randint(4, 89),
        "n": rng.randint(2, 9), "n2": rng.randint(10, 400), "n3": rng.randint(11, 40), "rank": rng.randint(4, 19),
        "pct": rng.randint(1, 35), "money": rng.randint(3, 900), "temp": rng.randint(-8, 39), "speed": rng.randint(40, 130),
        "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS), "day": rng.randint(1, 28),
        "year": day0.year + rng.randint(0, 2),
    }
    return template.format(**vals)


def article(rng: random.Random, i: int) -> dict:
    """One irrelevant article as a deathtoll JSONL record (id, title, text, published, source)."""
    topic = rng.choice(sorted(TEMPLATES))
    t = TEMPLATES[topic]
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3000))
    n_sent = rng.randint(10, 18)
    body = [_fill(rng, s, published) for s in rng.sample(t["body"], min(n_sent, len(t["body"])))]
    while len(body) < n_sent:
        body.append(_fill(rng, rng.choice(t["body"]), published))
    title = _fill(rng, rng.choice(t["head"]), published)
    # two paragraphs' worth each: news articles run a few hundred words
    text = title + "\n" + " ".join(body) + "\n" + " ".join(_fill(rng, rng.choice(t["body"]), published) for _ in range(6))
    return {"id": f"irr-{i}", "title": title, "text": text, "published": published.isoformat(),
            "source": f"{topic} desk"}


def irrelevant_articles(n: int, seed: int = 7) -> Iterator[dict]:
    """``n`` irrelevant articles (deterministic for ``seed``)."""
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i)
