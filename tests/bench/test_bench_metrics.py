"""The benchmark's scoring code against hand-computed examples (no ../shared needed)."""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, for ``bench``

from bench import mapping  # noqa: E402
from bench.metrics import (  # noqa: E402
    PRF,
    accuracy,
    b_cubed,
    ceaf_e,
    conll_f1,
    date_within,
    hungarian,
    muc,
)

# gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
GOLD = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}
PRED = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y"}


def test_b_cubed_hand_computed():
    s = b_cubed(GOLD, PRED)
    # precisions 1, 1, 1/3, 2/3, 2/3 ; recalls 2/3, 2/3, 1/3, 1, 1
    assert s.p == pytest.approx(11 / 15)
    assert s.r == pytest.approx(11 / 15)
    assert s.f1 == pytest.approx(11 / 15)


def test_muc_hand_computed():
    s = muc(GOLD, PRED)
    assert s.r == pytest.approx(2 / 3)  # (3-2) + (2-1) over (3-1) + (2-1)
    assert s.p == pytest.approx(2 / 3)  # (2-1) + (3-2) over (2-1) + (3-1)


def test_ceaf_e_hand_computed():
    s = ceaf_e(GOLD, PRED)
    # phi4: A-x = 0.8, B-y = 0.8 (best), total 1.6 over 2 clusters each side
    assert s.p == pytest.approx(0.8)
    assert s.r == pytest.approx(0.8)


def test_conll_is_mean_of_three_f1():
    assert conll_f1(GOLD, PRED) == pytest.approx((11 / 15 + 2 / 3 + 0.8) / 3)


def test_perfect_prediction_scores_one():
    same = {k: f"p{v}" for k, v in GOLD.items()}
    for f in (b_cubed, muc, ceaf_e):
        assert f(GOLD, same).f1 == pytest.approx(1.0)


def test_all_singletons_baseline():
    singles = {k: k for k in GOLD}
    b = b_cubed(GOLD, singles)
    assert b.p == pytest.approx(1.0)
    assert b.r == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    assert muc(GOLD, singles) == PRF(0.0, 0.0)
    c = ceaf_e(GOLD, singles)  # best: one singleton per gold cluster, phi 2/4 and 2/3
    assert c.r == pytest.approx((0.5 + 2 / 3) / 2)
    assert c.p == pytest.approx((0.5 + 2 / 3) / 5)


def test_missing_predictions_are_singletons_and_extras_ignored():
    partial = {1: "x", 2: "x", 4: "y", 5: "y", 99: "y"}
    full = {1: "x", 2: "x", 3: "s3", 4: "y", 5: "y"}
    assert b_cubed(GOLD, partial) == b_cubed(GOLD, full)
    assert ceaf_e(GOLD, partial) == ceaf_e(GOLD, full)


def test_ceaf_needs_optimal_not_greedy_alignment():
    # three predicted clusters for two gold ones: one predicted cluster stays unaligned
    gold = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "B"}
    pred = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z", 6: "z"}
    # phi: A-x 0.8, A-y 0.4, B-y 0.4, B-z 0.8 -> optimum 1.6
    s = ceaf_e(gold, pred)
    assert s.r == pytest.approx(1.6 / 2)
    assert s.p == pytest.approx(1.6 / 3)


def _brute(weights):
    n, m = len(weights), len(weights[0])
    best = -1.0
    if n <= m:
        for cols in itertools.permutations(range(m), n):
            best = max(best, sum(weights[i][c] for i, c in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), m):
            best = max(best, sum(weights[r][j] for j, r in enumerate(rows)))
    return best


@pytest.mark.parametrize(
    "weights",
    [
        [[4, 1, 3], [2, 0, 5], [3, 2, 2]],
        [[1, 2], [3, 4], [5, 9]],  # more rows than columns
        [[7, 0, 0, 3], [6, 1, 0, 0]],  # greedy takes 7 (+1 = 8); the optimum is 3 + 6 = 9
        [[0.5, 0.5], [0.5, 0.5]],
    ],
)
def test_hungarian_matches_brute_force(weights):
    pairs = hungarian(weights)
    assert len(pairs) == min(len(weights), len(weights[0]))
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert sum(weights[r][c] for r, c in pairs) == pytest.approx(_brute(weights))


def test_hungarian_empty():
    assert hungarian([]) == []


def test_accuracy():
    assert accuracy([(1, 1), (2, 3), (0, 0), ("a", "a")]) == 0.75
    assert accuracy([]) == 0.0


def test_date_within():
    d = date(2016, 11, 18)
    assert date_within(d, d, d, 0)
    assert not date_within(d, date(2016, 11, 17), date(2016, 11, 18), 0)
    assert date_within(d, date(2016, 11, 17), date(2016, 11, 18), 1)
    assert date_within(d, date(2016, 11, 12), date(2016, 11, 12), 7)
    assert not date_within(d, date(2016, 11, 1), date(2016, 11, 30), 7)  # a month is too vague
    assert not date_within(d, None, None, 7)


def test_governorate_mapping():
    assert mapping.governorate("Rif Dimashq", "Douma") == "damascus"
    assert mapping.governorate("Deir ez-Zor", None) == "deir ezzor"
    assert mapping.governorate(None, "Aleppo") == "aleppo"
    assert mapping.governorate("Latakia", "Jableh") == "lattakia"
    assert mapping.governorate(None, "Syria") is None


def test_actor_and_cause_mapping():
    assert mapping.actor("russia") == "syrian government or russian troops"
    assert mapping.actor("kurdish_forces") == "self administration forces"
    assert mapping.actor("gunman") == "unknown"
    assert mapping.actor("never_heard_of") == "unknown"
    assert mapping.cause("air_strike") == "shelling"
    assert mapping.cause("bombing") == "explosion"
    assert mapping.cause("chemical_attack") == "chemical and toxic gases"
    assert mapping.cause(None) == "unknown"


def test_city_folding():
    assert mapping.city_matches("Cartersville (Euharlee)", "Euharlee")
    assert mapping.city_matches("Polk (county)", "Polk County")
    assert mapping.city_matches("Saint Cloud", "St. Cloud")
    assert mapping.city_matches("San José", "san jose")
    assert not mapping.city_matches("Chicago", "Houston")
    assert not mapping.city_matches("Chicago", None)


# ---------------------------------------------------------- scoring rules on records


def _mention(mid, eid, start, killed, civ=None, place=("Aleppo", "Aleppo"), doc="d1", injured=None):
    toll = lambda v: {"low": v, "best": v, "high": v}  # noqa: E731
    none = toll(None)
    return {
        "mention_id": mid, "doc_id": doc, "event_id": eid, "start": start, "event_type": "shelling",
        "perpetrator": {"id": "syrian_government"}, "place": {"name": place[0], "admin1": place[1], "country": "Syria"},
        "date": {"start": "2016-08-05", "end": "2016-08-05", "precision": "day"},
        "fatalities": toll(killed), "injured": toll(injured) if injured is not None else none,
        "victims": {"civilians": toll(civ) if civ is not None else none, "combatants": none, "prisoners": none,
                    "children": none, "women": none},
        "quote": "", "claims": [],
    }


def test_fakes_main_event_rules():
    from bench.fakes import article_prediction, groups_of, main_event

    ms = [_mention("m1", "e1", 10, 7, civ=7), _mention("m2", "e2", 500, 3000), _mention("m3", "e1", 90, 5)]
    groups = groups_of(ms)
    assert main_event(groups) == "e2"  # most deaths
    assert main_event(groups, rule="first") == "e1"  # first mention reporting a death
    assert main_event({}) is None
    pred = article_prediction(groups["e1"])
    assert (pred["civilians"], pred["fatalities"], pred["governorate"], pred["cause"]) == (7, 7, "aleppo", "shelling")


def test_fakes_article_figures_prefer_stated_numbers_to_vague_words():
    from bench.fakes import article_prediction

    def claimed(m, qualifier):
        m["claims"] = [{"kind": "killed", "qualifier": qualifier}]
        return m

    scores = claimed(_mention("m1", "e1", 0, 60, civ=60), "scores")  # "scores of civilians were killed"
    stated = claimed(_mention("m2", "e1", 80, 51, civ=51), "at least")  # "at least 51 civilians"
    assert article_prediction([scores, stated])["civilians"] == 51
    # with no stated figure, the vague word is what the article says
    assert article_prediction([scores])["civilians"] == 60
    # a stated mention without a death toll leaves the vague figure in place
    named = claimed(_mention("m3", "e1", 200, None), "exact")
    assert article_prediction([scores, named])["civilians"] == 60


def test_gvc_predicted_clusters_pick_heaviest_event_and_singletons():
    from bench.gvc import predicted_clusters, source_of
    from bench.runner import LedgerOutput

    ms = [_mention("m1", "e1", 0, 1, doc="a"), _mention("m2", "e2", 50, 1, injured=3, doc="a"),
          _mention("m3", "e2", 0, 1, doc="b")]
    events = [{"event_id": "e1", "n_documents": 1}, {"event_id": "e2", "n_documents": 2}]
    docs = [{"doc_id": "a", "text": "one"}, {"doc_id": "b", "text": "two"}, {"doc_id": "c", "text": "three"},
            {"doc_id": "d", "text": " two "}]  # d has b's text: deathtoll stored it once
    pred = predicted_clusters(docs, LedgerOutput(ms, events, 0.0))
    assert pred == {"a": "e2", "b": "e2", "c": "single:c", "d": "e2"}
    assert source_of("http://web.archive.org/web/2016/http://www.example.com:80/news/x") == "example.com"
