"""The look every chart shares, on the pages (plotly) and in the reports (matplotlib)."""

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.figures.format import format_value

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MAIN, SECOND, GOOD, BAD = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]
FAINT = "#A7A9AC"
TARGET = "#A0458A"  # dashed; clearly apart from the orange 12-month line and the vermillion of a concern
CONCERN, IMPROVEMENT = "#D55E00", "#009E73"  # a signal's point: for the worse, for the better
LIMITS = "#6B7280"  # the centre line and the limits of normal variation
FUNNEL_BAND = "rgba(107, 114, 128, 0.12)"  # the 95 % band of a funnel: what chance gives a group of each size
INK = "#1F2328"
MEASURE = "#4B5563"  # a measure's marker and line: dark grey, apart from the data's colours
GRID = "#E5E7EB"
AXIS = "#6B7280"

LAST_YEAR = "Samma månad föregående år"
ROLLING = "Rullande 12 månader"
CENTRE = "Mittlinje"
NORMAL = "Gränser för normal variation"
SEASONAL_CENTRE = "Mittlinje för årstiden"
SEASONAL_NORMAL = "Det normala för årstiden"
WORSE_SIGNAL = "Signal: sämre än det normala"
BETTER_SIGNAL = "Signal: bättre än det normala"
INCOMPLETE = "Alla enheter har inte rapporterat"
MEASURES = "Åtgärder"
WORSE_COMPARED = "Sämre än slumpen förklarar"
BETTER_COMPARED = "Bättre än slumpen förklarar"


def short_title(title: str, length: int) -> str:
    """A measure's title as its marker on a chart says it: whole, or cut after a word with '…' (the
    hover and the text alternative have it whole)."""
    if len(title) <= length:
        return title
    kept = ""
    for word in title.split(" "):
        if len(kept) + len(word) + 1 > length:
            break
        kept = f"{kept} {word}".strip()
    return (kept or title[:length]).rstrip(":,;") + "…"


def target_label(indicator_id: str, target: float) -> str:
    """A target line's label: 'Mål 7,0 %', and 'Mål 13,0' where the unit is words ('ärenden per
    handläggare'), which the chart's title already says and which would squeeze the plot."""
    text = format_value(indicator_id, target)
    return f"Mål {text if BY_ID[indicator_id].unit in ('%', 'kr') else swedish.number(target, 1)}"


def control_floor(low: float, high: float) -> float:
    """The bottom of a control chart's axis: close under the data, so that its variation shows, but the
    axis spans at least 40 % of its top, so that a change of a few per cent never fills the chart."""
    bottom = min(low - (high - low) * 0.15, high * 0.6)
    return max(0.0, bottom) if low >= 0 else bottom
