#!/usr/bin/env python3
"""Writes one public consultation page and its published comments into the app's SQLite database,
for bench/participation/run.sh. Prints the page's id.
Usage: seed.py DATABASE [comments, default 500]"""
import sqlite3, sys, uuid, datetime

db = sqlite3.connect(sys.argv[1])
comments = int(sys.argv[2]) if len(sys.argv) > 2 else 500
page, proposal, organisation = (str(uuid.uuid4()).upper() for _ in range(3))
today = datetime.date.today()
summary = ("The town will put solar panels on the roofs of three markets. Traders will pay less for light. "
           "The work starts next year.\nTell us which market should be first, and what worries you.")
db.execute("""insert into public_consultations (Id, ProposalId, OrganisationId, OrganisationName, Title, SummaryEn, SummaryFr,
  QuestionsEn, QuestionsFr, OpensOn, ClosesOn, TakesGrievances, ShowInCatalogue, UpdatedAt, UpdatedByName)
  values (?,?,?,?,?,?,?,?,?,?,?,1,0,?,?)""",
  (page, proposal, organisation, "Tamale Metropolitan Assembly", "Solar roofs for three markets", summary, None,
   "Which market should come first?\nWhat worries you about the works?", None,
   (today - datetime.timedelta(days=10)).isoformat(), (today + datetime.timedelta(days=20)).isoformat(),
   datetime.datetime.now().isoformat(sep=' '), "Bench"))
start = datetime.datetime.now() - datetime.timedelta(days=9)
rows = []
for i in range(comments):
    at = (start + datetime.timedelta(minutes=i)).isoformat(sep=' ')
    rows.append((str(uuid.uuid4()).upper(), proposal, organisation, "PublicPage", i % 2,
                 f"Comment number {i}: start with the market nearest the river, its roof is new and the traders open early.",
                 at, 0, "Published", at, "Bench", "Accepted", "Thank you: it is in the works plan.", at, "Bench"))
db.executemany("""insert into participation_inputs (Id, ProposalId, OrganisationId, Source, Question, Text, ReceivedAt, Assisted,
  Moderation, ModeratedAt, ModeratedByName, Disposition, Response, RespondedAt, RespondedByName)
  values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
db.commit()
print(page.lower())
