"""models/build_boundaries.py: simplification and ring handling on shapes made here."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture(scope="module")
def build(models_script):
    return models_script("build_boundaries")


def test_simplification_drops_points_on_a_straight_edge_and_keeps_corners(build):
    # A clockwise 10-degree square with extra points along its edges, closed.
    ring = [(0, 0), (0, 5), (0, 10), (5, 10.01), (10, 10), (10, 5), (10, 0), (5, 0), (0, 0)]
    assert build._simplified(ring) == [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]


def test_a_bump_wider_than_the_tolerance_is_kept(build):
    ring = [(0, 0), (0, 10), (5, 11), (10, 10), (10, 0), (0, 0)]
    assert [5, 11] in build._simplified(ring)


def test_outer_rings_start_polygons_and_holes_join_the_one_before(build):
    outer = [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]  # clockwise: an outer ring in a shapefile
    hole = [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]  # counter-clockwise: a hole
    island = [(20, 0), (20, 5), (25, 5), (25, 0), (20, 0)]
    shape = SimpleNamespace(parts=[0, 5, 10], points=outer + hole + island)
    polygons = build._polygons(shape)
    assert len(polygons) == 2
    assert len(polygons[0]) == 2 and polygons[0][1][0] == [2, 2]
    assert polygons[1][0][0] == [20, 0]


def test_rings_smaller_than_a_triangle_after_simplifying_are_dropped(build):
    sliver = [(0, 0), (0, 0.01), (0.01, 0.01), (0, 0)]
    shape = SimpleNamespace(parts=[0], points=sliver)
    assert build._polygons(shape) == []
