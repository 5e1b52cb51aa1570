"""The plain-Swedish explanation of the figures: for the Om siffrorna page and the reports."""

from __future__ import annotations

import pandas as pd

from hrdash.catalogue import INDICATORS, TOPICS
from hrdash.ingest.columns import KINDS

SECTIONS = (
    ("Varför de här siffrorna",
     "Förvaltningen följer varje månad upp sjukfrånvaron – både den korta och den långa –, personalomsättningen "
     "per verksamhet och i hela förvaltningen, vakanserna och rekryteringsbehovet, och redovisar dem för nämnden. "
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
     "sjuktimmar delat med ordinarie arbetstimmar. Kort sjukfrånvaro är dag 1–14 i ett sjukfall, "
     "sjuklöneperioden. Personalomsättningen finns i flera varianter; här räknas tillsvidareanställda som slutat "
     "delat med det genomsnittliga antalet tillsvidareanställda, och varianterna hålls isär med egna namn."),
    ("Skydd för enskilda",
     "Sjukfrånvaro är uppgifter om människors hälsa. En sjukfrånvarosiffra för en grupp med färre än 10 personer "
     "visas aldrig för nämnden eller allmänheten – varken på sidorna, i rapporterna eller i presentationsläget. "
     "Den visas som – med förklaringen. Delas sjukfrånvaron upp på kön eller ålder döljs även nästa minsta grupp "
     "när det behövs, så att den lilla gruppen inte kan räknas fram ur de andra. Sidorna visar andelar, aldrig "
     "en enhets timmar. Personalomsättning, vakanser och rekryteringsbehov är inte hälsouppgifter och döljs inte. "
     "Bara HR kan, efter inloggning, se alla siffror. Filerna ska innehålla siffror per enhet – aldrig uppgifter "
     "om enskilda personer; en fil med personnummer tas inte emot."),
)


def definitions_table() -> pd.DataFrame:
    return pd.DataFrame(
        [(TOPICS[i.topic].title, i.label, i.definition, i.id) for i in INDICATORS],
        columns=["Område", "Nyckeltal", "Så räknas det", "Id"],
    )


def columns_table() -> pd.DataFrame:
    rows = []
    for kind in KINDS:
        for column in kind.columns:
            if column.canonical == "år":
                continue
            rows.append((kind.name, column.canonical, "ja" if column.required else "nej", ", ".join(column.synonyms)))
    return pd.DataFrame(rows, columns=["Filtyp", "Kolumn", "Måste finnas", "Andra namn som fungerar"])
