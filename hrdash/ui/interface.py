"""Streamlit's and Plotly's own interface, made Swedish and accessible in the browser.

Streamlit has no translations: its buttons, tooltips and screen-reader labels are English
("Upload", "50MB per file", "Search", "Help for Månad", "Skip to main content"), and it declares
every page as English (`<html lang="en">`), so a screen reader reads the Swedish text with English
pronunciation. `install()`, called by the frame (app.py) on every run, puts a small script on the
page (interface.js) that

- declares the page Swedish,
- translates Streamlit's own words, in text and in the attributes a screen reader or a tooltip
  shows (TEXTS, PATTERNS), as soon as Streamlit draws them,
- hides the decorative icons that Streamlit names in English ("warning icon"), and
- gives each plotly chart a Swedish text alternative: what it shows, over which months, and where
  the table with its numbers is.

Everything hrdash shows is served by hrdash itself: the tab's icon is FAVICON, sent inline,
instead of a Material icon that Streamlit fetches from Google's font servers.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

FAVICON = Path(__file__).with_name("favicon.svg")
SCRIPT = Path(__file__).with_name("interface.js")

# Streamlit's (1.67) and Plotly's own English, exactly as they draw it, in Swedish.
TEXTS = {
    # The frame
    "Skip to main content": "Hoppa till sidans innehåll",
    "Sidebar": "Sidomeny",
    "Collapse sidebar": "Fäll ihop sidomenyn",
    "Expand sidebar": "Fäll ut sidomenyn",
    "Main menu": "Huvudmeny",
    "App pages": "Sidor",
    "Running...": "Arbetar …",
    "Stop": "Avbryt",
    "Rerun": "Kör igen",
    "Always rerun": "Kör alltid igen",
    "Connecting": "Ansluter",
    "Please wait...": "Vänta …",
    "Stopping...": "Avbryter …",
    "Connection error": "Ingen kontakt med servern",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
        "Servern svarar inte. Sidan kopplar upp sig igen av sig själv när servern är i gång; kontakta IT om det "
        "dröjer.",
    "Connection lost. Please wait for the app to reconnect, then try again.":
        "Kontakten med servern bröts. Vänta tills sidan har kopplat upp sig igen och försök sedan på nytt.",
    "Connection timed out.": "Servern svarade inte i tid.",
    "Streamlit server is not responding. Are you connected to the internet?":
        "Servern svarar inte. Är datorn ansluten till nätverket?",
    "Error uploading file": "Filen kunde inte laddas upp",
    "Error deleting file": "Filen kunde inte tas bort",
    "Copy to clipboard": "Kopiera",
    "Close": "Stäng",
    "Notifications": "Meddelanden",
    "Link to heading": "Länk till rubriken",
    "Page not found": "Sidan finns inte",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "Sidan du bad om finns inte. Översikt visas i stället.",
    "Fullscreen": "Helskärm",
    "Close fullscreen": "Stäng helskärm",
    # Select boxes
    "Choose an option": "Välj",
    "Choose options": "Välj",
    "No results": "Inga träffar",
    "No options to select": "Inga alternativ",
    "Open": "Visa alternativen",
    "Clear value": "Töm fältet",
    "Clear all": "Töm fältet",
    "Selectbox options": "Alternativ",
    "1 option available.": "1 alternativ.",
    "Dismiss": "Stäng",
    "Multiselect options": "Alternativ",
    # Text and number fields
    "Decrement": "Minska",
    "Increment": "Öka",
    "Clear entry": "Töm fältet",
    "Number is above the allowed range.": "Talet är större än det tillåtna.",
    "Number is below the allowed range.": "Talet är mindre än det tillåtna.",
    "Press Enter to apply": "Tryck Enter för att använda",
    "Press Enter to submit form": "Tryck Enter för att skicka",
    "Press Ctrl+Enter to apply": "Tryck Ctrl+Enter för att använda",
    "Press Ctrl+Enter to submit form": "Tryck Ctrl+Enter för att skicka",
    "Press ⌘+Enter to apply": "Tryck ⌘+Enter för att använda",
    "Press ⌘+Enter to submit form": "Tryck ⌘+Enter för att skicka",
    # The file uploader
    "Upload": "Välj filer",
    "Add files": "Lägg till filer",
    "Drag and drop files here": "Dra och släpp filer här",
    "Drag and drop a file here": "Dra och släpp en fil här",
    "file upload": "Välj filer att ladda upp",
    # Tables (st.dataframe)
    "Download as CSV": "Ladda ner som CSV",
    "Search": "Sök",
    "Type to search": "Skriv för att söka",
    "Close Search": "Stäng sökningen",
    "Next Result": "Nästa träff",
    "Previous Result": "Föregående träff",
    "Show/hide columns": "Visa eller dölj kolumner",
    "Dataframe column menu": "Kolumnens meny",
    "Sort ascending": "Sortera stigande",
    "Sort descending": "Sortera fallande",
    "Autosize": "Anpassa bredden",
    "Pin column": "Lås kolumnen",
    "Unpin column": "Lås upp kolumnen",
    "Hide column": "Dölj kolumnen",
    "Copy column name": "Kopiera kolumnens namn",
    "Statistics": "Statistik",
    "Count": "Antal",
    "Distinct": "Olika värden",
    "Empty": "Tomma",
    "Values": "Värden",
    "Minimum": "Minsta",
    "Maximum": "Största",
    "Average": "Medelvärde",
    "Median": "Median",
    "Standard deviation": "Standardavvikelse",
    "Sum": "Summa",
    "Range": "Spann",
    "Minimum length": "Kortaste",
    "Maximum length": "Längsta",
    "Average length": "Medellängd",
    "Top values frequency chart": "De vanligaste värdena",
    "Format": "Format",
    "Automatic": "Automatiskt",
    "Localized": "Svenskt",
    "Plain": "Utan format",
    "Percent": "Procent",
    "Accounting": "Bokföring",
    "Scientific": "Grundpotensform",
    "Compact": "Kompakt",
    "Calendar": "Kalender",
    "Distance": "Avstånd",
    "Duration": "Varaktighet",
    "True": "Sant",
    "False": "Falskt",
    "number": "tal",  # a column's type, shown as the title of its icon
    "checkbox": "kryssruta",
    "date": "datum",
    "list": "lista",
    "link": "länk",
    "Select all": "Markera alla",
    "Clear selection": "Avmarkera",
    "Loading...": "Läser in …",
    "1 result": "1 träff",
    "Scroll tabs left": "Flikar till vänster",
    "Scroll tabs right": "Flikar till höger",
    # Plotly (its toolbar is not shown, but its messages are)
    "Double-click to zoom back out": "Dubbelklicka för att zooma ut igen",
    "Download plot as a PNG": "Ladda ner diagrammet som PNG",
}

# Streamlit's English with a part of its own in it, as regular expressions (JavaScript's syntax).
PATTERNS = [
    (r"^Help for (.+)$", "Hjälp om $1"),
    (r"^Remove (.+)$", "Ta bort $1"),
    (r"^(\d+) options available\.$", "$1 alternativ."),
    (r"^(\d+) results$", "$1 träffar"),
    (r"^(\d+)MB per file$", "Högst $1 MB per fil"),
    # An uploaded file's size ("140.0B", "sjuk.csv, 12.5KB"), the Swedish way.
    (r"^(.*?)(\d+)\.(\d)B$", "$1$2,$3 B"),
    (r"^(.*?)(\d+)\.(\d)KB$", "$1$2,$3 kB"),
    (r"^(.*?)(\d+)\.(\d)MB$", "$1$2,$3 MB"),
    (r"^(.*?)(\d+)\.(\d)GB$", "$1$2,$3 GB"),
    # Words hidden in a button that has a name of its own ("add icon"): never read, dropped.
    (r"^[a-z_]+ icon$", ""),
]


STYLE = """
/* The element that carries the script takes no room. */
[data-testid=stElementContainer]:has(.hrdash-interface) {display: none;}

/* When the server is gone, Streamlit tells a developer to type "streamlit run yourscript.py": no
   one using hrdash can, and the Swedish words above it say what to do. */
[role=dialog] [data-testid=stErrorCodeBlock] {display: none;}

/* Keyboard focus plainly visible (WCAG 2.4.7, 1.4.11): Streamlit's own is a faint background on a
   link and a half-transparent ring elsewhere. A 3 px ring in the theme's blue, outside the control;
   inside the main area and the sidebar themselves, which take focus to scroll. */
:focus-visible {outline: 3px solid #0B5394 !important; outline-offset: 2px !important;}
[data-testid=stMain]:focus-visible, [data-testid=stSidebarContent]:focus-visible {outline-offset: -3px !important;}
/* A text field or select box shows it on its frame, a toggle on its switch. */
input:focus-visible, textarea:focus-visible {outline: none !important;}
.react-aria-ComboBox > [role=group]:has(:focus-visible), [data-testid=stNumberInputContainer]:has(:focus-visible),
[data-testid=stTextAreaRootElement]:has(:focus-visible), [data-testid=stTextInputRootElement]:has(:focus-visible),
[data-testid=stCheckbox] label:has(input:focus-visible) > div:first-of-type {
  outline: 3px solid #0B5394; outline-offset: 2px;
}
"""


def install() -> None:
    """Put the script on the page (once per page; it keeps working across reruns), and the style."""
    st.html(f"<style>{STYLE}</style>")
    settings = json.dumps({"texts": TEXTS, "patterns": PATTERNS}, ensure_ascii=False)
    st.html(f"<span class='hrdash-interface' hidden></span><script>const HRDASH = {settings};\n"
            f"{SCRIPT.read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)
