"""The plain-Swedish explanation of the figures: for the Om siffrorna page and the reports."""

from __future__ import annotations

import pandas as pd

from hrdash.catalogue import HEALTH_LAW, HEALTH_LIMIT, INDICATORS, TOPICS, few_answers, few_people
from hrdash.ingest.columns import KINDS

SECTIONS = (
    ("Varför de här siffrorna",
     "Förvaltningen följer varje månad upp sjukfrånvaron – både den korta och den långa –, personalomsättningen "
     "per verksamhet och i hela förvaltningen, vakanserna och rekryteringsbehovet, och redovisar dem för nämnden. "
     "Till det kommer arbetsbelastningen (aktuella ärenden per handläggare), medarbetarnas egna svar på tre "
     "pulsfrågor varje tertial, och varför de som slutar gör det, enligt avgångssamtalen. "
     "Siffrorna ska gå att kontrollera för hand och stämma med de officiella definitionerna."),
    ("Var siffrorna kommer ifrån",
     "HR läser in de filer som lönesystemet och HR-systemet redan tar fram: en rad per enhet och månad. "
     "Varje inläsning sparas som en import som kan ångras. Läses samma enhet och månad in igen gäller den senaste. "
     "En fil med fel läses inte in alls, så det finns aldrig halva filer i siffrorna."),
    ("Hur siffrorna räknas",
     "Alla andelar räknas från summor, aldrig som medelvärden av procentsatser. Sjukfrånvaron för en avdelning är "
     "alltså alla dess enheters sjuktimmar delat med alla deras ordinarie arbetstimmar – en stor enhet väger tyngre "
     "än en liten. Avdelningens och förvaltningens siffror är summor av enheternas. Siffror för 12 månader räknas "
     "bara när alla enheter har rapporterat alla tolv månaderna. En månad där inte alla enheter har rapporterat "
     "visas med hur många av hur många enheter den gäller.\n\n"
     "Sjukfrånvaron räknas som i kommunernas årsredovisningar (lagen om kommunal bokföring och redovisning): "
     "sjuktimmar delat med ordinarie arbetstimmar. Korttidssjukfrånvaro är dag 1–14 i ett sjukfall, "
     "sjuklöneperioden. Årsredovisningens sju siffror (sidan Årsredovisning) är samma kvoter över januari–december: "
     "den totala sjukfrånvaron, andelen som avser sjukfall på 60 dagar eller mer, kvinnor, män och åldersgrupperna "
     "29 år eller yngre, 30–49 år och 50 år eller äldre. Personalomsättningen finns i flera varianter; här räknas tillsvidareanställda som slutat "
     "delat med det genomsnittliga antalet tillsvidareanställda, och varianterna hålls isär med egna namn."),
    ("Är förändringen verklig?",
     "Ett nyckeltal varierar från månad till månad även när ingenting har förändrats. Styrdiagrammen (så kallade "
     "XmR-diagram, som NHS använder) skiljer en verklig förändring från den normala variationen. Mittlinjen är "
     "medelvärdet av de första 12 månaderna (baslinjen), och gränserna för normal variation ligger 2,66 gånger den "
     "genomsnittliga förändringen mellan två månader över och under den. En månad räknas som en signal när\n\n"
     "- värdet ligger utanför gränserna,\n"
     "- sju månader eller fler i rad ligger över (eller under) mittlinjen,\n"
     "- sex månader i rad stiger (eller sjunker), eller\n"
     "- två av tre månader i rad ligger nära samma gräns (längre från mittlinjen än två standardavvikelser).\n\n"
     "För sjukfrånvaro, korttidssjukfrånvaro, andel vakanta tjänster, rekryteringsbehov och ärenden per "
     "handläggare är ett högre värde sämre: en signal uppåt är en **oroande förändring**, en nedåt en "
     "**förbättring**; annars är det **normal variation**. Personalomsättningen har inget styrdiagram: på en "
     "enhet är avgångar sällsynta, och en rad månader utan avgångar skulle se ut som en förbättring.\n\n"
     "Med ett mål visar diagrammet också om processen klarar det: **varje månad** (gränserna ligger på rätt sida "
     "om målet), **ibland** (målet ligger mellan gränserna) eller **inte utan förändring**. Efter en känd "
     "förändring, till exempel en omorganisation, kan HR låta baslinjen börja om (Data → Baslinjer)."),
    ("Behöver uppmärksamhet",
     "Listan tar upp enheter med en oroande förändring enligt styrdiagrammet, och enheter över ett mål som de inte "
     "klarar utan förändring. Ett värde strax över målet inom den normala variationen tas inte upp: det är lika "
     "sannolikt under målet nästa månad. Det allvarligaste kommer först: en oroande förändring väger 1, och till "
     "det läggs hur långt över målet värdet ligger, räknat som andel av målet."),
    ("Pulsfrågor och avgångssamtal",
     "Pulsfrågorna ställs varje tertial (T1 är januari–april, T2 maj–augusti, T3 september–december) och visas "
     "för tertialets sista månad. Andelen som instämmer är de som svarat något av de två högsta stegen på skalan. "
     "HR markerar vilken mätning som är nollmätning, och den visas som jämförelse. Avgångsorsakerna räknas över de "
     "12 senaste månaderna, efter den månad personen slutade."),
    ("Vad det kostar",
     "Personalomsättningens kostnad är antalet tillsvidareanställda som lämnat förvaltningen de senaste 12 "
     "månaderna gånger vad en rekrytering kostar (400 000 kr enligt Uppsalas uppskattning, om inget annat är "
     "inställt). Konsultkostnaden räknas om till hur många egna socialsekreterare samma pengar betalar (en egen "
     "kostar 50 000 kr i månaden med arbetsgivaravgifter, om inget annat är inställt). HR ändrar beloppen under "
     "Data → Inställningar."),
)


def _privacy(health_limit: int) -> str:
    law = ("Det är lagens gräns" if health_limit == HEALTH_LIMIT
           else f"Kommunen har beslutat om en strängare gräns än lagens {HEALTH_LIMIT} personer")
    return (
        f"Sjukfrånvaro är uppgifter om människors hälsa. En sjukfrånvarosiffra för en grupp med {few_people(health_limit)} "
     "visas aldrig för nämnden eller allmänheten – varken på sidorna, i rapporterna eller i presentationsläget. "
     f"{law}: {HEALTH_LAW}. "
     "Den visas som – med förklaringen. Delas sjukfrånvaron upp på kön eller ålder döljs även nästa minsta grupp "
     "när det behövs, så att den lilla gruppen inte kan räknas fram ur de andra. I årsredovisningens siffror för "
     "hela året (sidan Årsredovisning) räknas gruppens minsta månad, och döljs en enda grupp av en uppdelning döljs "
     "även den av de andra grupperna som har minst antal personer. Sidorna visar andelar, aldrig "
     "en enhets timmar. Upprepad korttidsfrånvaro, frisknärvaro och sjuklönekostnad är också hälsouppgifter och "
     "döljs på samma sätt.\n\n"
     f"Svaren på pulsfrågorna och avgångsorsakerna är personliga: en grupp med {few_answers()} visas inte. När en "
     "enda enhet i en avdelning döljs, döljs även den enhet bland de andra som har minst svar, så att de dolda svaren "
     "inte kan räknas fram ur avdelningens siffra (på samma sätt avdelningar inom förvaltningen). Ingen handläggare "
     "ska kunna identifieras över enhetschefens nivå. Svarsfrekvensen och antalet avgångssamtal döljs inte.\n\n"
     "Personalomsättning, vakanser, rekryteringsbehov och ärenden är inte hälsouppgifter och döljs inte. "
     "Bara HR kan, efter inloggning, se alla siffror. Filerna ska innehålla siffror per enhet – aldrig uppgifter "
     "om enskilda personer; en fil med personnummer tas inte emot.")


def sections(health_limit: int) -> tuple[tuple[str, str], ...]:
    """The page's sections, heading and text, with the privacy line that holds."""
    return (*SECTIONS, ("Skydd för enskilda", _privacy(health_limit)))


def definitions_table() -> pd.DataFrame:
    return pd.DataFrame(
        [(TOPICS[i.topic].title, i.label, i.definition) for i in INDICATORS],
        columns=["Område", "Nyckeltal", "Så räknas det"],
    )


def columns_table() -> pd.DataFrame:
    """Every file's columns by the header the templates and the pages use ('Ordinarie timmar': case,
    spaces and underscores do not matter), and the other names read as the same column, some of
    them as payroll systems write them in English."""
    rows = []
    for kind in KINDS:
        for column in kind.columns:
            if column.canonical == "år":
                continue
            rows.append((kind.name.capitalize(), column.label, "ja" if column.required else "nej",
                         ", ".join(column.synonyms)))
    return pd.DataFrame(rows, columns=["Fil", "Kolumn", "Måste finnas", "Andra namn som läses in"])
