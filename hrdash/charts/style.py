"""The look every chart shares, on the pages (plotly) and in the reports (matplotlib)."""

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MAIN, SECOND, GOOD, BAD = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]
FAINT = "#A7A9AC"
TARGET = "#D55E00"
INK = "#1F2328"
GRID = "#E5E7EB"
AXIS = "#6B7280"

LAST_YEAR = "Samma månad föregående år"
ROLLING = "Rullande 12 månader"
