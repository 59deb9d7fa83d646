#!/usr/bin/env python3
"""Fills a FinanceBuilder SQLite database with N published catalogue actions for the load runs
(bench/catalogue/run.sh). Rows go straight into published_actions; on SQLite the app makes the
search index itself at its next start (CatalogueIndex.RepairAsync finds it does not match), with
the same Snowball stems as a publication would. (An earlier seed wrote unstemmed terms itself:
queries such as "drainage" or "clinics", whose stems differ, then found nothing on SQLite.)
Usage: seed.py <financebuilder.db> <count>
       seed.py --postgres "<psql connection string>" <count>   (rows through psql's \\copy; PostgreSQL
       computes the search column itself with the app's text-search configurations)"""
import sqlite3, sys, uuid, random, json, datetime
postgres = sys.argv[1] == "--postgres"
if postgres:
    sys.argv.pop(1)
db, count = sys.argv[1], int(sys.argv[2])
random.seed(16)
words_en = "solar street lighting drainage flood protection mangrove restoration market energy efficiency buses cycling waste composting water supply schools health clinics heat trees parks coastal erosion drought irrigation wells reforestation roofs".split()
words_fr = "éclairage solaire drainage inondations protection mangroves restauration marché énergie efficacité bus vélo déchets compostage eau potable écoles santé chaleur arbres parcs érosion côtière sécheresse irrigation puits reboisement toitures".split()
countries = ["SN","BJ","GH","FR","CI","BF","ML","NE","TG","CM","MA","TN","EC","LA","BT","FM","HT","KE","UG","TZ"]
statuses = ["Idea","Study","FinancingSought","Financed","InProgress","Completed","Paused","Abandoned"]
focus = ["Mitigation","Adaptation","NaturalResources"]
areas = ["M1","M2","M3","M4","A1","A2","A3","A4"]
hazards = ["FloodRiverine","FloodPluvial","CoastalSurge","Drought","Heatwave","Erosion","Storm"]
con = None if postgres else sqlite3.connect(db)
org = "6F1F4C1E-0000-4000-8000-000000000001"
now = datetime.datetime(2026, 12, 1)
rows = []
for i in range(count):
    fr = random.random() < 0.5
    w = words_fr if fr else words_en
    title = " ".join(random.sample(w, 4)).capitalize() + f" {i}"
    summary = " ".join(random.choice(w) for _ in range(60)) + "."
    c = random.choice(countries)
    f = random.sample(focus, random.randint(1, 2)); a = random.sample(areas, random.randint(1, 3)); h = random.sample(hazards, random.randint(0, 2))
    cost = round(random.uniform(2e5, 3e8), 0)
    size = "Micro" if cost <= 1e7 else "Small" if cost <= 5e7 else "Medium" if cost <= 2.5e8 else "Large"
    camel = lambda v: v[0].lower() + v[1:]
    status = random.choice(statuses)
    # The record as the app stores it: camelCase names and enum values (ProposalJson's options).
    # Sources of money and expected results, so that the data package's funding and indicators
    # tables are exported full (one to three sources, one to four indicators per action).
    funding = [{"source": random.choice(["GCF", "Commune budget", "AFD", "Regional council", "World Bank"]), "amount": {"amount": round(cost * random.uniform(0.1, 0.6), 0), "currency": "USD"},
                "state": random.choice(["sought", "obtained"])} for _ in range(random.randint(1, 3))]
    results = [{"indicator": random.choice(["People protected from floods", "Solar capacity installed", "Trees planted", "Energy saved"]) + f" {k + 1}",
                "unit": random.choice(["people", "kWp", "trees", "MWh per year"]), "baseline": 0, "baselineYear": 2025, "target": random.randint(10, 100000), "targetYear": 2031}
               for k in range(random.randint(1, 4))]
    action = {"language": "fr" if fr else "en", "title": title, "summary": summary, "countryCode": c, "focus": [camel(x) for x in f], "resultAreas": a,
              "hazards": [camel(x) for x in h], "status": camel(status), "totalCost": {"amount": cost, "currency": "USD"}, "licence": "ccBy40",
              "funding": funding, "results": results}
    ident = str(uuid.UUID(int=random.getrandbits(128), version=4)).upper()
    updated = (now - datetime.timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
    rows.append((ident, org, f"Commune {i % 700}", 1, json.dumps(action, ensure_ascii=False), "fr" if fr else "en", title, c, None, status,
                 ";" + ";".join(f) + ";", ";" + ";".join(a) + ";", ";" + ";".join(h) + ";", random.random() < 0.4, cost, size, "CcBy40",
                 title + "\n" + summary, updated, updated, None))
columns = '"Id","OrganisationId","PublisherName","Revision","Document","Language","Title","CountryCode","AdministrativeArea","Status","Focus","ResultAreas","Hazards","SeeksFunding","TotalCostUsd","Size","Licence","SearchText","FirstPublishedAt","UpdatedAt","WithdrawnAt"'
if postgres:
    import csv, subprocess, tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for r in rows:
            writer.writerow(["" if v is None else ("t" if v is True else "f" if v is False else v) for v in r])
    subprocess.run(["psql", db, "-q", "-c", f"\\copy published_actions ({columns}) FROM '{out.name}' WITH (FORMAT csv, NULL '')"], check=True)
    print(subprocess.run(["psql", db, "-tA", "-c", "select count(*) from published_actions"], check=True, capture_output=True, text=True).stdout.strip(), "actions")
    sys.exit(0)
con.executemany('INSERT INTO published_actions ("Id","OrganisationId","PublisherName","Revision","Document","Language","Title","CountryCode","AdministrativeArea","Status","Focus","ResultAreas","Hazards","SeeksFunding","TotalCostUsd","Size","Licence","SearchText","FirstPublishedAt","UpdatedAt","WithdrawnAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', rows)
con.commit()
print(con.execute("select count(*) from published_actions").fetchone()[0], "actions")
