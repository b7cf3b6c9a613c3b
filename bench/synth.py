"""Synthetic organisations for the benchmark: N programs, valid against the model and rules.

    python bench/synth.py --programs 100 --out /some/folder [--seed 8] [--today 2026-11-22]

writes a complete portal project into ``--out``: ``data/`` (organisation, inventory, roles,
retention, vendors, transfers, checklists, clauses, mistakes, incident playbook, the
organisation's own notice requirements and one file per program), ``content/`` (the
repository's hand-written pages), ``mkdocs.yml`` (the repository's, with the theme override
folder pointing back at the repository and the build date fixed) and, unless ``--no-lock``,
the notice lock file and archive that ``govportal lock`` writes, so the project builds
strictly as it is.

The organisation is a large employer with offices in several EU countries, the United
Kingdom and California. Its programs are the learning and coaching kinds the portal is
about (micro-coaching on managers' phones, LMS milestones in reviews, mandatory compliance
training, mentoring, …), each run for a business unit and a cohort. The inventory has the
shared HR and learning fields plus one field of each program's own; the retention schedule
covers every field (shared rules plus one rule per program); vendors grow with the number of
programs, each with a processing agreement, subprocessors and recent security evidence;
vendors outside the EU get a transfer with its mechanism. The data honours the governance
controls the portal checks or will check: consent is justified wherever it is a basis,
audit views need HR sign-off, no high-risk field is in the manager's contextual view, raw
detail only in audit views, engagement logs are kept no longer than 90 days, evidence and
transfer-impact assessments are less than a year old and every review date is comfortably
in the future, all relative to the build date (``--today``, else ``SOURCE_DATE_EPOCH``, else
a fixed date, so the output is the same on every run).

Same arguments, same bytes: the generator uses its own seeded random numbers only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TODAY = dt.date(2026, 11, 22)
DEFAULT_SEED = 8

# --------------------------------------------------------------------------- the organisation

EU = [
    ("de", "Germany", "DE", "Federal Commissioner for Data Protection (BfDI)"),
    ("fr", "France", "FR", "Commission nationale de l'informatique et des libertés (CNIL)"),
    ("nl", "Netherlands", "NL", "Autoriteit Persoonsgegevens"),
    ("ie", "Ireland", "IE", "Data Protection Commission"),
    ("es", "Spain", "ES", "Agencia Española de Protección de Datos"),
    ("it", "Italy", "IT", "Garante per la protezione dei dati personali"),
    ("pl", "Poland", "PL", "Personal Data Protection Office (UODO)"),
    ("se", "Sweden", "SE", "Swedish Authority for Privacy Protection (IMY)"),
]
EU_IDS = [j[0] for j in EU]
UK = "uk"
CA = "us-ca"

UNITS = ["finance", "sales", "engineering", "operations", "marketing", "people", "legal",
         "logistics", "retail", "research", "support", "manufacturing"]

# Where a program's people work: (name, weight). Drawn per program.
REGIONS = [("eu", 35), ("eu-uk", 25), ("uk", 10), ("ca", 10), ("global", 20)]

VIEW_MANAGER = "manager-view"
VIEW_HR = "hr-audit-view"
VIEW_LEGAL = "legal-audit-view"
VIEW_DASHBOARD = "ld-dashboard"
AUDIT = [VIEW_HR, VIEW_LEGAL]

CCPA_ID = "Identifiers"
CCPA_JOB = "Professional or employment-related information"
CCPA_EDU = "Education information"
CCPA_NET = "Internet or other electronic network activity information"
CCPA_SENS = "Sensitive personal information"
CCPA_INF = "Inferences drawn from other personal information"


@dataclass(frozen=True)
class F:
    """A shared inventory field: id, label, description, classification, views, extras."""

    id: str
    label: str
    description: str
    classification: str
    views: tuple[str, ...]
    ccpa: str
    high_risk: bool = False
    raw: bool = False
    pseudonymised: bool = False
    rule: str = ""  # the shared retention rule that covers it


SHARED_FIELDS = [
    F("employee-id", "Employee number", "Your staff number from the HR system.", "identifier",
      (VIEW_MANAGER, *AUDIT), CCPA_ID, rule="people-profile"),
    F("full-name", "Name", "Your name as the HR system holds it.", "identifier",
      (VIEW_MANAGER, *AUDIT), CCPA_ID, rule="people-profile"),
    F("work-email", "Work e-mail", "Your work e-mail address.", "contact",
      (VIEW_MANAGER, *AUDIT), CCPA_ID, rule="people-profile"),
    F("job-title", "Job title", "Your current job title.", "employment",
      (VIEW_MANAGER, *AUDIT), CCPA_JOB, rule="people-profile"),
    F("department", "Department", "The team and unit you work in.", "employment",
      (VIEW_MANAGER, *AUDIT, VIEW_DASHBOARD), CCPA_JOB, rule="people-profile"),
    F("manager-id", "Line manager", "Who your line manager is.", "employment",
      (VIEW_MANAGER, *AUDIT), CCPA_JOB, rule="people-profile"),
    F("course-status", "Course status", "Whether an assigned course is not started, in "
      "progress or complete.", "learning_record", (VIEW_MANAGER, *AUDIT), CCPA_EDU,
      rule="learning-records"),
    F("course-progress", "Course progress", "How far through a course you are, in percent.",
      "learning_record", (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="learning-records"),
    F("completion-date", "Completion date", "The day you finished a course.",
      "learning_record", (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="learning-records"),
    F("certification-expiry", "Certificate expiry", "When a certificate you hold runs out.",
      "learning_record", (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="learning-records"),
    F("skills-profile", "Skills profile", "The skills you list and the level you give each.",
      "learning_record", (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="learning-records"),
    F("mentor-match", "Mentor match", "Who you are paired with and since when.",
      "employment", (VIEW_MANAGER, *AUDIT), CCPA_JOB, rule="learning-records"),
    F("quiz-result", "Quiz result", "Whether you passed a course quiz.", "assessment",
      (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="assessment-records"),
    F("quiz-answers", "Quiz answers", "Your answer to each quiz question, item by item.",
      "assessment", tuple(AUDIT), CCPA_EDU, raw=True, rule="assessment-records"),
    F("language-level", "Language level", "The level a language test placed you at.",
      "assessment", (VIEW_MANAGER, *AUDIT), CCPA_EDU, rule="assessment-records"),
    F("simulation-score", "Simulation score", "Your score in a practice simulation.",
      "assessment", tuple(AUDIT), CCPA_EDU, rule="assessment-records"),
    F("lesson-activity", "Lesson activity times", "The time you opened and closed each lesson.",
      "behavioural_metadata", tuple(AUDIT), CCPA_NET, raw=True, rule="engagement-logs"),
    F("tip-delivered-at", "Tip delivery times", "When each tip reached your phone.",
      "behavioural_metadata", tuple(AUDIT), CCPA_NET, raw=True, rule="engagement-logs"),
    F("tip-opened-at", "Tip opening times", "When you opened each tip, if you did.",
      "behavioural_metadata", tuple(AUDIT), CCPA_NET, raw=True, rule="engagement-logs"),
    F("tip-reaction", "Tip reactions", "Whether you marked a tip useful or not.",
      "behavioural_metadata", tuple(AUDIT), CCPA_NET, rule="engagement-logs"),
    F("engagement-summary", "Engagement summary", "Weekly counts of use for a whole team, "
      "with names replaced by codes.", "behavioural_metadata", (VIEW_DASHBOARD, *AUDIT),
      CCPA_NET, pseudonymised=True, rule="engagement-logs"),
    F("device-id", "Device identifier", "A code that tells your phone apart from others.",
      "device_telemetry", tuple(AUDIT), CCPA_NET, rule="device-data"),
    F("push-token", "Notification token", "The code the app needs to send your phone a "
      "message.", "device_telemetry", (), CCPA_NET, rule="device-data"),
    F("app-version", "App version", "Which version of the app you run.", "device_telemetry",
      tuple(AUDIT), CCPA_NET, rule="device-data"),
    F("coaching-reflection", "Your reflections", "Notes you write for yourself after a tip.",
      "content", (), CCPA_INF, high_risk=True, rule="personal-notes"),
    F("feedback-comments", "Feedback comments", "Comments colleagues write about your work.",
      "content", tuple(AUDIT), CCPA_INF, high_risk=True, rule="feedback-records"),
    F("performance-rating", "Performance rating", "The rating from your last review.",
      "performance", (VIEW_HR,), CCPA_JOB, high_risk=True, rule="feedback-records"),
    F("accommodation-need", "Adjustments you asked for", "Changes to a course you asked for "
      "because of a health condition.", "special_category", (VIEW_HR,), CCPA_SENS,
      high_risk=True, rule="sensitive-records"),
    F("wellbeing-steps", "Step counts", "Daily steps your wearable reports to the challenge.",
      "special_category", (), CCPA_SENS, high_risk=True, rule="sensitive-records"),
    F("consent-choice", "Your consent choices", "What you agreed to or refused, and when.",
      "consent_record", tuple(AUDIT), CCPA_ID, rule="consent-records"),
    F("access-log", "Access records", "Who looked at your records, when and through which "
      "view.", "audit_log", tuple(AUDIT), CCPA_NET, rule="audit-logs"),
]
FIELD_BY_ID = {f.id: f for f in SHARED_FIELDS}


def for_managers(description: str) -> str:
    """A field description in the words of the manager guides (the person's, not your)."""
    text = re.sub(r"\bYour\b", "The person's", description)
    text = re.sub(r"\byour\b", "their", text)
    return re.sub(r"\byou\b", "they", re.sub(r"\bYou\b", "They", text))


def guide_answer(views: tuple[str, ...] | list[str], raw: bool, risky: bool) -> str:
    """What a manager guide says of a field: may use (manager view), HR sign-off (audit
    views only) or never (sensitive, or in no view a manager can reach)."""
    if risky:
        return "never_use"
    if VIEW_MANAGER in views:
        return "needs_signoff" if raw else "may_use"
    return "needs_signoff" if any(v in AUDIT for v in views) else "never_use"


@dataclass(frozen=True)
class Kind:
    """A kind of program: its wording, fields, purposes and habits."""

    id: str
    title: str
    summary: str
    how: str
    subjects: str  # employee | manager
    fields: tuple[str, ...]
    own_field: tuple[str, str, str]  # suffix, label, classification
    purposes: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # id, basis, text, fields
    li: str = ""
    consent_scope: str = ""
    automated: bool = False
    profiling: bool = False
    analytics: str = "aggregate"
    vendor_kind: str = "lms"
    surprise: str = ""


KINDS = [
    Kind("micro-coaching", "Micro-coaching tips",
         "Short leadership tips sent to managers' phones, a few times a week.",
         "The app records when a tip reaches your phone and when you open it.",
         "manager",
         ("employee-id", "full-name", "work-email", "job-title", "department", "push-token",
          "device-id", "app-version", "tip-delivered-at", "tip-opened-at", "tip-reaction",
          "coaching-reflection", "consent-choice", "access-log", "engagement-summary"),
         ("tip-topics", "Tip topics you chose", "behavioural_metadata"),
         (("deliver-tips", "legitimate_interests", "We send you short tips to help you lead "
           "your team.", ("employee-id", "full-name", "work-email", "push-token", "device-id",
                          "app-version", "tip-delivered-at")),
          ("improve-tips", "legitimate_interests", "We count which tips people open so we "
           "can write better ones.", ("tip-opened-at", "tip-reaction", "engagement-summary",
                                      "department", "job-title", "access-log")),
          ("reflections", "consent", "If you choose, you keep short notes on what you tried.",
           ("coaching-reflection", "consent-choice"))),
         li="Helping managers grow their skills in small steps.",
         consent_scope="Private reflection notes", vendor_kind="coaching",
         surprise="Your manager never sees whether you opened a tip."),
    Kind("lms-milestones", "LMS milestones in 1:1s",
         "Course milestones from the learning platform, used in 1:1s and reviews.",
         "The learning platform records your courses, progress and quiz results.",
         "employee",
         ("employee-id", "full-name", "job-title", "manager-id", "course-status",
          "course-progress", "completion-date", "quiz-result", "quiz-answers", "access-log"),
         ("learning-plan", "Learning plan goals", "learning_record"),
         (("development", "legitimate_interests", "Your manager talks with you about your "
           "learning goals.", ("employee-id", "full-name", "job-title", "manager-id",
                               "course-status", "course-progress", "completion-date")),
          ("reviews", "legitimate_interests", "Finished courses can be noted in your review.",
           ("course-status", "completion-date", "quiz-result")),
          ("audit", "legal_obligation", "We keep a record of who looked at your data.",
           ("access-log", "quiz-answers"))),
         li="Planning your growth with you, based on facts you can check.",
         surprise="Your manager sees pass or fail, never your answers."),
    Kind("compliance-training", "Compliance training",
         "Training the law requires, such as data protection and anti-bribery courses.",
         "The learning platform records which required courses you have finished.",
         "employee",
         ("employee-id", "full-name", "department", "manager-id", "course-status",
          "completion-date", "certification-expiry", "quiz-result", "access-log"),
         ("attestation", "Signed statements", "learning_record"),
         (("required-training", "legal_obligation", "We must show that staff took the "
           "training the law asks for.", ("employee-id", "full-name", "department",
                                          "course-status", "completion-date",
                                          "certification-expiry", "quiz-result")),
          ("reminders", "legitimate_interests", "We remind you and your manager before a "
           "course is due.", ("manager-id", "course-status", "access-log"))),
         li="Making sure nobody misses a course they need.", automated=True,
         surprise="A course can be given to you again when your certificate runs out."),
    Kind("mentoring", "Mentoring circles",
         "Pairs and small groups that meet to learn from each other.",
         "You fill in a short profile. The tool suggests a mentor and records the match.",
         "employee",
         ("employee-id", "full-name", "work-email", "job-title", "department", "skills-profile",
          "mentor-match", "feedback-comments", "consent-choice", "access-log"),
         ("meeting-log", "Meeting dates", "learning_record"),
         (("matching", "consent", "We suggest a mentor who fits what you want to learn.",
           ("employee-id", "full-name", "work-email", "job-title", "department",
            "skills-profile", "mentor-match", "consent-choice")),
          ("feedback", "consent", "You and your mentor can leave short feedback.",
           ("feedback-comments", "access-log"))),
         consent_scope="Taking part in mentoring", profiling=True, vendor_kind="survey",
         surprise="Saying no has no effect on your job or your reviews."),
    Kind("language-learning", "Language learning",
         "Online language courses with a short test to place you at the right level.",
         "The course app records your lessons and your test level.",
         "employee",
         ("employee-id", "full-name", "work-email", "language-level", "course-progress",
          "lesson-activity", "consent-choice", "access-log"),
         ("course-language", "Course language", "learning_record"),
         (("lessons", "consent", "We give you lessons that match your level.",
           ("employee-id", "full-name", "work-email", "language-level", "course-progress",
            "lesson-activity", "consent-choice")),
          ("records", "legitimate_interests", "We keep a record of who looked at your data.",
           ("access-log",))),
         li="Keeping our systems safe and fair.", consent_scope="Language courses",
         vendor_kind="language", surprise="Your manager sees your level only if you share it."),
    Kind("leadership-academy", "Leadership academy",
         "A year of workshops and projects for new and future leaders.",
         "HR adds you to the program. Trainers record your workshops and projects.",
         "manager",
         ("employee-id", "full-name", "job-title", "department", "course-status",
          "skills-profile", "feedback-comments", "performance-rating", "access-log"),
         ("project-grade", "Project outcome", "assessment"),
         (("academy", "legitimate_interests", "We run the workshops and track what you "
           "finish.", ("employee-id", "full-name", "job-title", "department", "course-status",
                       "skills-profile")),
          ("selection", "legitimate_interests", "HR uses your last rating to offer places "
           "fairly.", ("performance-rating", "feedback-comments", "access-log"))),
         li="Growing leaders from inside the company.", vendor_kind="lms",
         surprise="Your last rating helps decide who gets a place."),
    Kind("sales-enablement", "Sales enablement",
         "Practice simulations and product courses for sales teams.",
         "The training tool records your simulation scores and quiz answers.",
         "employee",
         ("employee-id", "full-name", "manager-id", "simulation-score", "course-progress",
          "quiz-result", "quiz-answers", "access-log"),
         ("pitch-recording", "Practice pitch notes", "content"),
         (("practice", "legitimate_interests", "You practise talks with clients in a safe "
           "setting.", ("employee-id", "full-name", "simulation-score", "course-progress")),
          ("coaching", "legitimate_interests", "Your coach sees your results to help you.",
           ("manager-id", "quiz-result", "quiz-answers", "access-log"))),
         li="Helping sales staff learn our products.", analytics="pseudonymised",
         vendor_kind="lms", surprise="Scores from practice never count in your review."),
    Kind("onboarding", "Onboarding journeys",
         "The courses and tasks that help you settle into a new job.",
         "HR creates your plan. The learning platform records each task you finish.",
         "employee",
         ("employee-id", "full-name", "work-email", "job-title", "manager-id",
          "course-status", "completion-date", "access-log"),
         ("buddy", "Onboarding buddy", "employment"),
         (("onboarding", "contract", "We help you start your job well.",
           ("employee-id", "full-name", "work-email", "job-title", "manager-id",
            "course-status", "completion-date")),
          ("records", "legal_obligation", "We keep a record of who looked at your data.",
           ("access-log",))),
         vendor_kind="lms", surprise="Your buddy sees your task list, not your results."),
    Kind("safety-certification", "Safety certification",
         "Health and safety courses and the certificates that go with them.",
         "Trainers and the learning platform record your courses and certificates.",
         "employee",
         ("employee-id", "full-name", "department", "course-status", "completion-date",
          "certification-expiry", "accommodation-need", "access-log"),
         ("site-access", "Site access level", "employment"),
         (("certificates", "legal_obligation", "The law says staff must be trained for "
           "some tasks.", ("employee-id", "full-name", "department", "course-status",
                           "completion-date", "certification-expiry")),
          ("adjustments", "legal_obligation", "We change a course when you need us to.",
           ("accommodation-need", "access-log"))),
         automated=True, vendor_kind="lms",
         surprise="Only HR sees the adjustments you ask for."),
    Kind("wellbeing-challenge", "Wellbeing challenge",
         "A team step challenge you can join with a wearable.",
         "If you join, your wearable app sends your daily steps to the challenge.",
         "employee",
         ("employee-id", "full-name", "department", "wellbeing-steps", "consent-choice",
          "engagement-summary", "access-log"),
         ("team-name", "Challenge team", "employment"),
         (("challenge", "consent", "We add up your steps for your team's total.",
           ("employee-id", "full-name", "department", "wellbeing-steps", "consent-choice")),
          ("statistics", "legitimate_interests", "We count how many people take part.",
           ("engagement-summary", "access-log"))),
         li="Knowing whether the challenge is worth running.", consent_scope="Sharing steps",
         vendor_kind="wellbeing", surprise="Nobody at work sees your own step count."),
    Kind("peer-feedback", "Peer feedback",
         "Short written feedback from colleagues you choose.",
         "Colleagues write comments in the feedback tool after you ask them.",
         "employee",
         ("employee-id", "full-name", "job-title", "manager-id", "feedback-comments",
          "access-log"),
         ("feedback-round", "Feedback round", "employment"),
         (("feedback", "legitimate_interests", "You get feedback from people you work with.",
           ("employee-id", "full-name", "job-title", "manager-id", "feedback-comments")),
          ("records", "legitimate_interests", "We keep a record of who read the feedback.",
           ("access-log",))),
         li="Helping staff learn from their colleagues.", vendor_kind="survey",
         surprise="Your manager reads feedback only when you share it."),
    Kind("skills-profile", "Skills profiles",
         "A profile of your skills that helps you find courses and roles.",
         "You fill in your skills. The tool adds courses and certificates you finish.",
         "employee",
         ("employee-id", "full-name", "job-title", "department", "skills-profile",
          "certification-expiry", "course-status", "access-log"),
         ("career-interest", "Career interests", "employment"),
         (("suggestions", "legitimate_interests", "We suggest courses and roles that fit "
           "your skills.", ("employee-id", "full-name", "job-title", "department",
                            "skills-profile", "certification-expiry", "course-status")),
          ("records", "legitimate_interests", "We keep a record of who looked at your data.",
           ("access-log",))),
         li="Helping staff find their next step inside the company.", profiling=True,
         analytics="pseudonymised", vendor_kind="lms",
         surprise="Suggestions are only ideas; nobody is moved because of them."),
]

# Retention rules shared by every program: id → (record type, kind, period, trigger,
# disposal, justification, anonymised).
SHARED_RULES = {
    "people-profile": ("Participant profile", "profile", "1 year", "the end of the program",
                       "delete", "A profile is needed only while you take part.", False),
    "learning-records": ("Learning records", "learning_record", "3 years",
                         "course completion", "delete",
                         "Managers and HR plan training with the last few years of records.",
                         False),
    "assessment-records": ("Assessment records", "assessment_record", "2 years",
                           "the assessment", "delete",
                           "Results matter for the next course, then they lose meaning.",
                           False),
    "engagement-logs": ("Engagement logs", "engagement_log", "90 days", "the event",
                        "delete", "Enough to see whether a tip or lesson works; no longer.",
                        False),
    "device-data": ("Device data", "other", "30 days", "the app's last use", "delete",
                    "Needed only to deliver messages to a phone that still uses the app.",
                    False),
    "personal-notes": ("Personal notes", "other", "1 year", "the note", "delete",
                       "Your notes are yours; we keep them a year unless you delete them.",
                       False),
    "feedback-records": ("Feedback and ratings", "other", "2 years", "the review cycle",
                         "delete", "Feedback informs the next review, then it is removed.",
                         False),
    "sensitive-records": ("Health-related records", "other", "6 months",
                          "the course or challenge", "delete",
                          "Kept as short as the adjustment or the challenge lasts.", False),
    "consent-records": ("Consent records", "consent_record", "3 years",
                        "the consent is withdrawn or the program ends", "delete",
                        "We must be able to show what you agreed to.", False),
    "audit-logs": ("Access records", "audit_log", "2 years", "the access", "delete",
                   "Needed to investigate misuse and answer complaints.", False),
    "aggregate-statistics": ("Program statistics", "aggregate", "5 years",
                             "the end of the year", "anonymise",
                             "Only counts for whole teams are kept; no person can be "
                             "picked out.", True),
}
OWN_RULE_KIND = {"learning_record": "learning_record", "assessment": "assessment_record",
                 "behavioural_metadata": "engagement_log", "employment": "profile",
                 "content": "other"}

VENDOR_KINDS = {
    "lms": ("Learning platform", ["Course hosting", "Learning records"]),
    "coaching": ("Coaching app", ["Tip delivery", "Push notifications"]),
    "survey": ("Feedback and matching", ["Surveys", "Matching"]),
    "language": ("Language courses", ["Online lessons", "Placement tests"]),
    "wellbeing": ("Wellbeing app", ["Step challenges"]),
}
VENDOR_WORDS = ["Lumen", "Northstar", "Brightpath", "Keystone", "Evergreen", "Harbor",
                "Summit", "Cobalt", "Meadow", "Atlas", "Beacon", "Granite", "Juniper",
                "Orchid", "Pioneer", "Quartz", "Riverside", "Sterling", "Tidewater", "Willow"]
VENDOR_SUFFIX = ["Learning", "Systems", "Labs", "Digital", "Academy", "Works"]
VENDOR_FORMS = {"Germany": "GmbH", "Ireland": "Ltd", "Netherlands": "B.V.",
                "United States": "Inc.", "India": "Pvt Ltd", "United Kingdom": "Ltd",
                "Japan": "K.K."}
# Vendor home → the transfer it needs from EU/UK staff: (mechanism, needs a TIA).
VENDOR_HOMES = [("Germany", None), ("Ireland", None), ("Netherlands", None),
                ("United States", "scc"), ("India", "scc"), ("United Kingdom", "adequacy"),
                ("Japan", "adequacy")]

LAUNCH_ITEMS = [
    ("tls-in-transit", "Every connection uses TLS 1.2 or newer."),
    ("encryption-at-rest", "Stored data is encrypted at rest."),
    ("short-lived-tokens", "Access tokens expire within an hour and refresh tokens can be "
     "revoked."),
    ("mfa-admin", "Every admin portal requires multi-factor sign-in."),
    ("least-privilege", "Roles give each person only the access their job needs."),
    ("device-management", "Phones that hold the app are managed, or the app holds no data "
     "at rest."),
    ("dpa-signed", "A processing agreement is signed with every vendor."),
    ("notice-published", "The privacy notice is published before launch."),
]

MISTAKES = [
    ("raw-logs-in-reviews", "Pulling raw logs into reviews",
     "A manager pastes lesson times or quiz answers into a review.",
     "Raw detail says little about performance and exposes a lot.",
     "Use the manager view. Ask HR if you think you need more."),
    ("engagement-as-performance", "Treating engagement as performance",
     "A manager marks someone down for not opening tips.",
     "Opening a tip is not a measure of how well someone does their job.",
     "Talk about goals and results, not about app use."),
    ("screenshots", "Sharing dashboard screenshots",
     "Someone posts a dashboard picture in a team chat.",
     "The picture escapes every access control and retention rule.",
     "Share the link to the dashboard instead; access stays controlled."),
    ("consent-pressure", "Pressing people to opt in",
     "A manager asks the team to turn on optional features.",
     "Consent given under pressure is not free, so it is not valid.",
     "Mention the option once, and never check who took it."),
    ("health-details", "Asking about adjustments",
     "A manager asks why a course was changed for someone.",
     "Adjustments may reveal health details that only HR may hold.",
     "Trust HR's note that the course is adjusted; do not ask why."),
    ("keeping-copies", "Keeping private copies",
     "A manager saves course reports on a laptop.",
     "Copies outlive the retention schedule and cannot be deleted on time.",
     "Read reports in the portal; do not download them."),
    ("forwarding-feedback", "Forwarding peer feedback",
     "Feedback is forwarded to people the author did not expect.",
     "People write honest feedback only when they trust who reads it.",
     "Keep feedback between the person, their manager and HR."),
    ("ratings-from-quizzes", "Ratings from quiz scores",
     "A rating is based on quiz scores alone.",
     "Quizzes check course knowledge, not job performance.",
     "Use quiz results only to plan the next course."),
]

# --------------------------------------------------------------------------- helpers


def _days(today: dt.date, rng: random.Random, low: int, high: int) -> str:
    return (today + dt.timedelta(days=rng.randint(low, high))).isoformat()


def _owner(name: str, email: str | None = None) -> dict[str, str]:
    return {"name": name, **({"email": email} if email else {})}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, keys in the order written, and no anchors: the reader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(value: Any, schema: str) -> str:
    """YAML text of ``value`` with the editor's schema line first, as the real data has."""
    text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return f"# yaml-language-server: $schema={schema}\n{text}"


# --------------------------------------------------------------------------- the generator


class Organisation:
    """Builds every data file of a synthetic organisation with ``n`` programs."""

    def __init__(self, n: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY):
        self.n = n
        self.rng = random.Random(f"govportal-bench-{seed}-{n}")
        self.today = today
        self.vendors = self._vendors()
        self.transfers = self._transfers()
        self.programs = [self._program(i) for i in range(n)]

    # ---------------------------------------------------------------- shared files
    def organisation(self) -> dict[str, Any]:
        # Countries the portal's catalog of authorities covers name their authority by its
        # id (Germany: the state where the head office is); the others by name.
        catalog = {"DE": "de-hh-hmbbfdi", "IE": "ie-dpc"}
        jurisdictions = [
            {"id": jid, "name": name, "country": code, "regimes": ["eu_gdpr"],
             "supervisory_authority": catalog.get(code) or {
                 "name": sa, "url": f"https://authority.example/{jid}"}}
            for jid, name, code, sa in EU
        ]
        jurisdictions.append({
            "id": UK, "name": "United Kingdom", "country": "GB", "regimes": ["uk_gdpr"],
            "supervisory_authority": "gb-ico"})
        jurisdictions.append({"id": CA, "name": "California", "country": "US-CA",
                              "regimes": ["ccpa"], "supervisory_authority": "us-ca-cppa"})
        return {
            "name": "Meridian Group",
            "legal_name": "Meridian Group SE",
            "address": "Hafenstraße 12, 20457 Hamburg, Germany",
            "contact": {"name": "Meridian Group reception", "email": "hello@meridian.example",
                        "phone": "+49 40 5550 1000"},
            "website": "https://meridian.example",
            "privacy_policy_url": "https://meridian.example/privacy",
            "privacy_contact": {"name": "Group privacy team", "email": "privacy@meridian.example"},
            "establishments": [{"jurisdiction": "de", "region": "DE-HH", "main": True},
                               *({"jurisdiction": jid} for jid, *_ in EU[1:]),
                               {"jurisdiction": UK}, {"jurisdiction": CA}],
            "staff_processing_personal_data": 600,
            "dpo": {"name": "Group data protection officer", "email": "dpo@meridian.example",
                    "address": "Hafenstraße 12, 20457 Hamburg, Germany"},
            "escalation_contact": {"name": "Legal duty desk", "email": "legal@meridian.example"},
            "rights": {
                "how_to_exercise": "Write to the privacy team or use the request form on the "
                                   "intranet.",
                "response_time": "Within one month; we tell you if we need longer.",
                "verification": "We check who you are with your staff sign-in.",
                "authorized_agent": "Someone you authorise in writing may ask for you.",
                "non_retaliation": "Using your rights never counts against you.",
            },
            "jurisdictions": jurisdictions,
            "governance": {
                "responsibilities": [
                    {"team": "Group privacy team", "duties": [
                        "Keeps the notices and the retention schedule up to date.",
                        "Reviews every new program before launch."]},
                    {"team": "People team", "duties": [
                        "Approves every use of the audit views.",
                        "Trains managers on the guides."]},
                    {"team": "Security team", "duties": [
                        "Runs the incident playbook.", "Checks vendors' security evidence."]},
                ],
                "escalation": [
                    {"topic": "A possible data breach", "contact": "Security on-call"},
                    {"topic": "A complaint from an employee", "contact": "Group privacy team"},
                ],
            },
            "sells_or_shares": False,
            "appropriate_policy_document": "APD-2026 (special-category data at work)",
        }

    def inventory(self) -> dict[str, Any]:
        fields = []
        for f in SHARED_FIELDS:
            item: dict[str, Any] = {"id": f.id, "label": f.label, "description": f.description,
                                    "classification": f.classification}
            if for_managers(f.description) != f.description:
                item["manager_description"] = for_managers(f.description)
            if f.high_risk:
                item["high_risk"] = True
            if f.pseudonymised:
                item["pseudonymised"] = True
            if f.raw:
                item["raw_detail"] = True
            item["ccpa_category"] = f.ccpa
            item["views"] = list(f.views)
            fields.append(item)
        for p in self.programs:
            fields.append(p["_own_field"])
        return {"fields": fields}

    def roles(self) -> dict[str, Any]:
        signoff = {"required": True, "approver": "HR business partner",
                   "how": "A ticket that names the case, approved by the HR business partner "
                          "before access is granted."}
        return {
            "roles": [
                {"id": "manager", "name": "Line manager", "description": "Leads a team."},
                {"id": "hr", "name": "HR business partner",
                 "description": "Supports managers and handles cases."},
                {"id": "legal", "name": "Legal counsel",
                 "description": "Handles disputes and investigations."},
                {"id": "ld-admin", "name": "Learning team",
                 "description": "Runs the learning programs."},
            ],
            "views": [
                {"id": VIEW_MANAGER, "name": "Manager view", "role": "manager",
                 "kind": "contextual", "purpose": "Course status and progress for your own "
                 "team, to support 1:1s.", "hr_signoff": {"required": False}},
                {"id": VIEW_HR, "name": "HR audit view", "role": "hr", "kind": "audit",
                 "purpose": "Detail for a specific case, such as a complaint or an appeal.",
                 "hr_signoff": signoff},
                {"id": VIEW_LEGAL, "name": "Legal audit view", "role": "legal",
                 "kind": "audit", "purpose": "Detail for a legal claim or investigation.",
                 "hr_signoff": signoff},
                {"id": VIEW_DASHBOARD, "name": "Learning dashboard", "role": "ld-admin",
                 "kind": "dashboard", "purpose": "Team-level counts to improve the programs.",
                 "hr_signoff": {"required": False}},
            ],
        }

    def retention(self) -> dict[str, Any]:
        rng = self.rng
        rules = []
        for rid, (record, kind, period, trigger, disposal, why, anon) in SHARED_RULES.items():
            rule: dict[str, Any] = {
                "id": rid, "record_type": record, "kind": kind,
                "fields": [f.id for f in SHARED_FIELDS if f.rule == rid],
                "period": period, "trigger": trigger, "disposal": disposal,
                "automated": True}
            if anon:
                rule["anonymised"] = True
            rule.update({"justification": why,
                         "legal_hold": "Deletion pauses while a legal hold is in place.",
                         "owner": _owner("Group privacy team", "privacy@meridian.example"),
                         "next_review": _days(self.today, rng, 90, 540)})
            rules.append(rule)
        for p in self.programs:
            rules.append(p["_own_rule"])
        return {"rules": rules}

    def _vendors(self) -> list[dict[str, Any]]:
        rng = self.rng
        count = max(len(VENDOR_KINDS) * 2, self.n // 8)
        vendors = []
        for i in range(count):
            kind = list(VENDOR_KINDS)[i % len(VENDOR_KINDS)]
            service, services = VENDOR_KINDS[kind]
            home, _ = VENDOR_HOMES[(i // len(VENDOR_KINDS)) % len(VENDOR_HOMES)]
            word = VENDOR_WORDS[i % len(VENDOR_WORDS)]
            suffix = VENDOR_SUFFIX[(i // len(VENDOR_WORDS)) % len(VENDOR_SUFFIX)]
            name = f"{word} {suffix} {VENDOR_FORMS[home]}"
            if i >= len(VENDOR_WORDS) * len(VENDOR_SUFFIX):
                name = f"{word} {suffix} {i // 120 + 1} {VENDOR_FORMS[home]}"
            vid = f"vendor-{i + 1:03d}-{word.lower()}"
            subs = [{"name": f"{VENDOR_WORDS[(i + k + 3) % 20]} Cloud",
                     "service": "Hosting" if k == 0 else "Customer support",
                     "location": home if k == 0 else rng.choice(["Ireland", "Germany"])}
                    for k in range(1 + i % 2)]
            vendors.append({
                "id": vid, "name": name, "role": "processor", "services": services,
                "personal_data": True, "locations": [home],
                "dpa": {
                    "signed": _days(self.today, rng, -1500, -60),
                    "reference": f"DPA-{2019 + i % 7}-{i + 1:04d}",
                    "roles": f"{name} processes data only on Meridian's written instructions.",
                    "subprocessors": subs,
                    "audit_rights": "Meridian may audit once a year, or after an incident.",
                    "deletion": "Data is deleted or returned within 30 days of the end of the "
                                "contract, with a written confirmation.",
                },
                "security_evidence": [
                    {"kind": "ISO 27001 certificate", "issued": _days(self.today, rng, -330, -5),
                     "reference": f"ISO-{i + 1:04d}"},
                    {"kind": "Penetration test summary",
                     "issued": _days(self.today, rng, -300, -5)},
                ],
                "_kind": kind, "_home": home,
            })
            if i % 5 == 0:
                vendors[-1]["incident_history"] = "No reported incidents in the last three years."
                vendors[-1]["risk_notes"] = "Renewal due; review the subprocessor list."
        return vendors

    def _transfers(self) -> dict[str, dict[str, Any]]:
        rng = self.rng
        out = {}
        mechanisms = dict(VENDOR_HOMES)
        for v in self.vendors:
            mech = mechanisms[v["_home"]]
            if mech is None:
                continue
            data = f"{VENDOR_KINDS[v['_kind']][0]} records, for hosting and support."
            # The EU clauses cover staff in the EEA; UK staff need the UK Addendum.
            legs = [("transfer", EU_IDS, mech)]
            if v["_home"] != "United Kingdom":
                legs.append(("uk-transfer", [UK], "uk_addendum" if mech == "scc" else mech))
            found = []
            for suffix, origin, leg in legs:
                t: dict[str, Any] = {
                    "id": f"{v['id']}-{suffix}", "vendor": v["id"], "origin": origin,
                    "destination": v["_home"], "mechanism": leg, "data": data}
                if leg in ("scc", "uk_addendum"):
                    t["tia_date"] = _days(self.today, rng, -330, -10)
                    t["safeguards_copy"] = "Ask the privacy team for a copy of the clauses."
                found.append(t)
            out[v["id"]] = found
        return out

    # ---------------------------------------------------------------- programs
    def _jurisdictions(self) -> list[str]:
        rng = self.rng
        region = rng.choices([r for r, _ in REGIONS], [w for _, w in REGIONS])[0]
        eu = sorted(rng.sample(EU_IDS, rng.randint(1, 4)), key=EU_IDS.index)
        return {"eu": eu, "eu-uk": [*eu, UK], "uk": [UK], "ca": [CA],
                "global": [*EU_IDS, UK, CA]}[region]

    def _program(self, i: int) -> dict[str, Any]:
        rng = self.rng
        kind = KINDS[i % len(KINDS)]
        unit = UNITS[(i // len(KINDS)) % len(UNITS)]
        cohort = i // (len(KINDS) * len(UNITS)) + 1
        pid = f"{kind.id}-{unit}-{cohort}"
        title = f"{kind.title}: {unit.capitalize()}, cohort {cohort}"
        today = self.today
        jurs = self._jurisdictions()
        gdpr = [j for j in jurs if j != CA]
        suffix, own_label, own_class = kind.own_field
        own_id = f"{pid}-{suffix}"
        fields = [*kind.fields, own_id]
        own_field = {
            "id": own_id, "label": f"{own_label} ({unit})",
            "description": f"{own_label} for the {unit} cohort {cohort} of this program.",
            "classification": own_class,
            "ccpa_category": {"learning_record": CCPA_EDU, "assessment": CCPA_EDU,
                              "behavioural_metadata": CCPA_NET, "employment": CCPA_JOB,
                              "content": CCPA_INF}[own_class],
            "views": list(AUDIT) if own_class in ("behavioural_metadata", "content")
            else [VIEW_MANAGER, *AUDIT],
        }
        if for_managers(own_field["description"]) != own_field["description"]:
            own_field["manager_description"] = for_managers(own_field["description"])
        own_rule = {
            "id": f"{pid}-records", "record_type": f"{title}: {own_label.lower()}",
            "kind": OWN_RULE_KIND[own_class], "fields": [own_id], "programs": [pid],
            "period": "90 days" if own_class == "behavioural_metadata" else
            rng.choice(["1 year", "2 years", "18 months"]),
            "trigger": "the end of the cohort", "disposal": "delete", "automated": True,
            "justification": "Needed while the cohort runs and for questions afterwards.",
            "legal_hold": "Deletion pauses while a legal hold is in place.",
            "owner": _owner(f"{unit.capitalize()} learning lead"),
            "next_review": _days(today, rng, 90, 540),
        }
        purposes = []
        uses_consent = False
        for j, (purpose_id, basis, text, pfields) in enumerate(kind.purposes):
            pf = list(pfields) + ([own_id] if j == 0 else [])
            if j == 0:  # each program words its own main purpose
                text = f"{text} This cohort is for {unit} staff, group {cohort}."
            purpose: dict[str, Any] = {"id": purpose_id, "description": text, "fields": pf}
            if any(FIELD_BY_ID[f].classification == "special_category" for f in pf
                   if f in FIELD_BY_ID):
                purpose["special_category"] = {
                    "condition": "9(2)(a)" if basis == "consent" else "9(2)(b)",
                    "law": "Your explicit consent, asked for separately."
                    if basis == "consent" else "Our duties as an employer under employment "
                    "and health and safety law.",
                    # the gate asks for a Schedule 1 condition with explicit consent too
                    # (disclosure.advisory), so every UK purpose names one
                    **({"uk_schedule_1": "Part 1, paragraph 1 (employment)"}
                       if UK in gdpr else {})}
            if gdpr:
                purpose["lawful_basis"] = {jid: basis for jid in gdpr}
                if basis == "legitimate_interests":
                    purpose["legitimate_interest"] = kind.li
                    purpose["balancing_test"] = f"LIA-{i + 1:04d}-{j + 1}"
                if basis == "consent":
                    uses_consent = True
                    purpose["consent_justification"] = (
                        "Taking part is optional. Saying no, or stopping later, has no effect "
                        "on your job, your pay or your reviews.")
            purposes.append(purpose)
        # Processors: the kind's vendor and, for some programs, a second one.
        pool = [v for v in self.vendors if v["_kind"] == kind.vendor_kind]
        chosen = [rng.choice(pool)]
        if rng.random() < 0.3:
            other = rng.choice(self.vendors)
            if other is not chosen[0]:
                chosen.append(other)
        recipients = [{"name": "People team", "kind": "internal",
                       "purpose": "Supports managers and answers questions."}]
        transfers = []
        for v in chosen:
            recipients.append({"name": v["name"], "kind": "processor", "vendor": v["id"],
                               "purpose": f"Runs the {VENDOR_KINDS[v['_kind']][0].lower()}."})
            for t in self.transfers.get(v["id"], []):
                if set(t["origin"]) & set(gdpr):
                    transfers.append(t["id"])
        effective = _days(today, rng, -700, -45)
        program: dict[str, Any] = {
            "id": pid, "title": title,
            "status": rng.choices(["live", "pilot", "planned"], [80, 15, 5])[0],
            "summary": f"{kind.summary} It runs for the {unit} team, group {cohort}.",
            "owner": _owner(f"{unit.capitalize()} learning lead",
                            f"learning-{unit}@meridian.example"),
            "next_review": _days(today, rng, 60, 540),
            "data_subjects": [{"group": f"{'Managers' if kind.subjects == 'manager' else 'Staff'}"
                                        f" in {unit}", "category": kind.subjects,
                               "jurisdictions": jurs}],
            "collection": {"how": f"{kind.how} The {unit} learning lead runs this group.",
                           "from_subject": True, "other_sources": [
                {"name": "HR system", "description": "Your name, job and team come from the "
                 "HR system."}]},
            "not_offered_in": {jid: f"The {unit} group has no staff there."
                               for jid in [*EU_IDS, UK, CA] if jid not in jurs},
            "fields": fields,
            "purposes": purposes,
            "recipients": recipients,
            "transfers": transfers or {"none": "The data stays in the countries where the "
                                                "people work, or goes only within the EEA."},
        }
        if uses_consent:
            program["consent"] = {
                "choices": [{"id": "optional", "scope": kind.consent_scope or "Optional features",
                             "default": "off", "revocation_effect": "It stops within 24 hours."}],
                "captured": "You say yes in the app before anything starts.",
                "revocation_route": "Switch it off in the app settings, or write to the "
                                    "privacy team.",
                "records": "We keep a record of your choice and when you made it.",
            }
        auto: dict[str, Any] = {
            "exists": kind.automated, "profiling": kind.profiling,
            "statement": "A system decides some things on its own, as set out below."
            if kind.automated else "No decision about you is made by a system alone."}
        if kind.automated:
            auto["logic"] = "A course is given to you when your certificate is about to run out."
            auto["significance"] = "You may be asked to take a course again."
        elif kind.profiling:
            auto["logic"] = "Suggestions follow the topics you finish and rate most often."
            auto["significance"] = "It changes which suggestions you see, and nothing else."
        if kind.automated or kind.profiling:
            auto["opt_out"] = "Ask the learning team to check the decision by hand, or to stop " \
                              "using your profile for suggestions."
        program["automated_decisions"] = auto
        analytics: dict[str, Any] = {"level": kind.analytics,
                                     "description": "We count use for whole teams to improve "
                                                    "the program."}
        if kind.analytics != "aggregate":
            analytics["description"] = "Results are studied with names replaced by codes."
            analytics["dpia"] = f"DPIA-{i + 1:04d}"
        program["analytics"] = analytics
        program["sells_or_shares"] = False
        sections: dict[str, str] = {
            "escalation": "If you are unhappy with an answer, write to the legal duty desk "
                          f"or to the {unit} learning lead."}
        if "de" in jurs:
            sections["works-council"] = ("The works council agreed to this program. Ask it for "
                                         "a copy of the agreement.")
        program["notice"] = {
            "version": "1.0", "effective": effective,
            "first_layer": {"summary": f"{kind.summary} This notice is for the {unit} "
                            f"group {cohort}. It says what we use, why, and for how long.",
                            "surprises": [kind.surprise]},
            "obligation": "You do not have to give us more than your name and team. Some "
                          "courses are part of your job.",
            "sections": sections,
            "changelog": [{"version": "1.0", "date": effective, "summary": "First notice.",
                           "material": False}],
        }
        mistakes = rng.sample([m[0] for m in MISTAKES], 2)
        answers: dict[str, list[str]] = {"may_use": [], "needs_signoff": [], "never_use": []}
        for fid in fields:
            shared = FIELD_BY_ID.get(fid)
            if shared is not None:
                answer = guide_answer(shared.views, shared.raw,
                                      shared.high_risk or shared.classification
                                      == "special_category")
            else:
                answer = guide_answer(own_field["views"], False, False)
            answers[answer].append(fid)
        program["manager_guide"] = {
            "fields": {k: v for k, v in answers.items() if v},
            "views": {VIEW_MANAGER: "For this program the manager view shows "
                      + (", ".join(FIELD_BY_ID[f].label.lower() if f in FIELD_BY_ID
                                   else own_label.lower() for f in answers["may_use"])
                         or "nothing") + "."},
            "may_use": ["What the person chooses to tell you about their learning."],
            "never_use": ["App use or opening times as a sign of performance.",
                          "Anything your manager view does not show."],
            "interpretation": ["A low number of finished courses often means a busy quarter."],
            "record_purpose": "Write down only what you agreed with the person.",
            "ask": f"The {unit} learning lead",
            "mistakes": mistakes,
        }
        program["launch_readiness"] = [
            {"item": item, "answer": "met", "evidence": f"Checked in review SEC-{i + 1:04d}."}
            for item, _ in LAUNCH_ITEMS]
        if kind.analytics != "aggregate" or kind.profiling:
            program["dpia"] = f"DPIA-{i + 1:04d}"
        program["_own_field"] = own_field
        program["_own_rule"] = own_rule
        return program

    # ---------------------------------------------------------------- the other files
    def vendors_file(self) -> dict[str, Any]:
        return {"vendors": [{k: v for k, v in vendor.items() if not k.startswith("_")}
                            for vendor in self.vendors]}

    def transfers_file(self) -> dict[str, Any]:
        return {"transfers": [t for legs in self.transfers.values() for t in legs]}

    def checklists(self) -> dict[str, Any]:
        rng = self.rng
        return {"checklists": [
            {"id": "pre-launch-review", "title": "Pre-launch privacy and security review",
             "audience": "Privacy and security teams",
             "purpose": "Every program answers these items before it goes live.",
             "launch_gate": True, "owner": _owner("Security team", "security@meridian.example"),
             "next_review": _days(self.today, rng, 90, 400),
             "items": [{"id": item, "text": text, "mandatory": True}
                       for item, text in LAUNCH_ITEMS]
             + [{"id": "pen-test", "text": "A penetration test covers the program's apps.",
                 "mandatory": False, "guidance": "Recommended for apps on personal phones."}]},
            {"id": "before-sharing-lms-data", "title": "Before you bring LMS data to a 1:1",
             "audience": "Managers", "purpose": "A minute of checks before a conversation.",
             "owner": _owner("People team"), "next_review": _days(self.today, rng, 90, 400),
             "items": [
                 {"id": "view-only", "text": "I use only what my manager view shows."},
                 {"id": "context", "text": "I ask about context before drawing conclusions."},
                 {"id": "no-copies", "text": "I keep no copies outside the portal."}]},
            {"id": "annual-retention-review", "title": "Annual retention review",
             "audience": "Policy owners", "purpose": "Once a year, per record type.",
             "owner": _owner("Group privacy team"),
             "next_review": _days(self.today, rng, 90, 400),
             "items": [
                 {"id": "still-needed", "text": "Each period is still justified."},
                 {"id": "deletion-runs", "text": "Deletion jobs ran and left evidence.",
                  "mandatory": True}]},
        ]}

    def clauses(self) -> dict[str, Any]:
        rng = self.rng
        return {"clauses": [
            {"id": "lms-retention", "title": "Learning records", "use": "LMS privacy policy",
             "text": "[[org:name]] keeps learning records for [[retention:learning-records]].",
             "owner": _owner("Legal"), "next_review": _days(self.today, rng, 90, 400)},
            {"id": "engagement-retention", "title": "Engagement logs",
             "use": "Coaching app privacy policy",
             "text": "Engagement logs are deleted [[period:engagement-logs]] after each event.",
             "owner": _owner("Legal"), "next_review": _days(self.today, rng, 90, 400)},
            {"id": "audit-retention", "title": "Access records", "use": "HR policy",
             "text": "Records of access are kept for [[retention:audit-logs]]. Questions go "
                     "to [[contact:privacy]].",
             "owner": _owner("Legal"), "next_review": _days(self.today, rng, 90, 400)},
        ]}

    def mistakes(self) -> dict[str, Any]:
        return {"mistakes": [
            {"id": mid, "title": title, "audience": ["manager"], "what_happens": what,
             "why_it_matters": why, "fix": fix} for mid, title, what, why, fix in MISTAKES]}

    def playbook(self) -> dict[str, Any]:
        rng = self.rng
        return {
            "title": "Incident response playbook",
            "owner": _owner("Security team", "security@meridian.example"),
            "next_review": _days(self.today, rng, 90, 400),
            "triage_owner": _owner("Security on-call", "security-oncall@meridian.example"),
            "classification": [
                {"level": "critical", "description": "Sensitive data exposed or altered.",
                 "examples": ["Health-related adjustments visible to managers."]},
                {"level": "high", "description": "Personal data exposed outside the company.",
                 "examples": ["A lost phone with the coaching app signed in."]},
                {"level": "medium", "description": "Data seen by the wrong person inside.",
                 "examples": ["A manager sees another team's course list."]},
                {"level": "low", "description": "A near miss with no data exposed."},
            ],
            "phases": [
                {"id": "detect", "title": "Detect and triage",
                 "steps": ["Confirm the alert.", "Open an incident ticket."]},
                {"id": "contain", "title": "Contain",
                 "steps": ["Revoke tokens and sessions.", "Reset affected passwords."]},
                {"id": "assess", "title": "Assess",
                 "steps": ["List the people and data affected.", "Decide who must be told."]},
                {"id": "notify", "title": "Notify",
                 "steps": ["Tell the regulators that must be told, on time.",
                           "Tell the people affected in plain words."]},
                {"id": "review", "title": "Review",
                 "steps": ["Hold a blameless review.", "Track every fix to the end."]},
            ],
            "remedial_actions": ["Revoke access tokens and refresh tokens.",
                                 "Reset passwords of affected accounts.",
                                 "Wipe the app from lost managed phones.",
                                 "Rotate vendor API keys."],
            "legal_escalation": "Call the legal duty desk within one hour of a high or critical "
                                "incident.",
            "evidence": "Keep every decision, with its time, in the incident ticket.",
            "tabletop": {"cadence": "Twice a year",
                         "scenario": "A stolen manager phone with the coaching app signed in.",
                         "last_run": _days(self.today, rng, -170, -20)},
            "contacts": [{"role": "Security on-call", "name": "Security operations",
                          "phone": "+49 40 5550 1999"}],
        }

    def requirements(self) -> dict[str, Any]:
        return {"requirements": [
            {"id": "org.works-council", "title": "Works council agreement",
             "description": "Programs for staff in Germany name the works council agreement.",
             "citation": "Group works council agreement on learning data",
             "section": "works-council", "applies_when": {"jurisdictions": ["de"]}},
            {"id": "org.escalation", "title": "Where to escalate",
             "description": "Every notice says where to go when an answer is not enough.",
             "citation": "Group privacy standard", "section": "escalation",
             "severity": "warning"},
        ]}

    # ---------------------------------------------------------------- writing
    def files(self) -> dict[str, str]:
        """Relative path under ``data/`` → YAML text."""
        out = {
            "organisation.yaml": dump(self.organisation(), "../schemas/organisation.schema.json"),
            "inventory.yaml": dump(self.inventory(), "../schemas/inventory.schema.json"),
            "roles.yaml": dump(self.roles(), "../schemas/roles.schema.json"),
            "retention.yaml": dump(self.retention(), "../schemas/retention.schema.json"),
            "vendors.yaml": dump(self.vendors_file(), "../schemas/vendors.schema.json"),
            "transfers.yaml": dump(self.transfers_file(), "../schemas/transfers.schema.json"),
            "checklists.yaml": dump(self.checklists(), "../schemas/checklists.schema.json"),
            "clauses.yaml": dump(self.clauses(), "../schemas/clauses.schema.json"),
            "mistakes.yaml": dump(self.mistakes(), "../schemas/mistakes.schema.json"),
            "incident-response.yaml": dump(self.playbook(),
                                           "../schemas/incident-response.schema.json"),
            "requirements.yaml": dump(self.requirements(),
                                      "../schemas/requirements.schema.json"),
        }
        for p in self.programs:
            clean = {k: v for k, v in p.items() if not k.startswith("_")}
            out[f"programs/{p['id']}.yaml"] = dump(clean, "../../schemas/program.schema.json")
        return out


def mkdocs_config(today: dt.date, root: Path = ROOT) -> str:
    """The repository's ``mkdocs.yml`` for a project elsewhere: the theme overrides point
    back at the repository and the build date is fixed."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {root / 'overrides'}")
    marker = "  - govportal:\n"
    if marker not in config:
        raise SystemExit("mkdocs.yml has no `- govportal:` plugin entry to configure")
    return config.replace(marker, f"{marker}      today: \"{today.isoformat()}\"\n", 1)


def lock(project: Path) -> None:
    """Record the notices as published (``govportal lock``), quietly."""
    from govportal import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["lock", "--config", str(project / "mkdocs.yml")])
    if code != 0:
        raise SystemExit(f"govportal lock failed for the synthetic data:\n{out.getvalue()}")


def generate(n: int, dest: Path, *, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY,
             with_lock: bool = True, content: Path | None = ROOT / "content") -> Path:
    """Write a project with ``n`` programs into ``dest`` (replacing what was there)."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    data = dest / "data"
    (data / "programs").mkdir(parents=True)
    for rel, text in Organisation(n, seed, today).files().items():
        (data / rel).write_text(text, encoding="utf-8")
    if content is not None and content.is_dir():
        shutil.copytree(content, dest / "content")
    else:
        (dest / "content").mkdir()
    (dest / "mkdocs.yml").write_text(mkdocs_config(today), encoding="utf-8")
    if with_lock:
        lock(dest)
    return dest


def build_date(value: str | None) -> dt.date:
    """``--today``, else ``SOURCE_DATE_EPOCH``, else the fixed default."""
    if value:
        return dt.date.fromisoformat(value)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return DEFAULT_TODAY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programs", "-n", type=int, required=True)
    parser.add_argument("--out", required=True, help="the project folder to (re)create")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--today", help="the build date (YYYY-MM-DD); default: "
                        "SOURCE_DATE_EPOCH, else " + DEFAULT_TODAY.isoformat())
    parser.add_argument("--no-lock", action="store_true",
                        help="do not write the notice lock file and archive")
    args = parser.parse_args(argv)
    if args.programs < 1:
        parser.error("--programs must be at least 1")
    try:
        today = build_date(args.today)
    except ValueError:
        parser.error(f"--today: '{args.today}' is not a YYYY-MM-DD date")
    dest = generate(args.programs, Path(args.out), seed=args.seed, today=today,
                    with_lock=not args.no_lock)
    print(f"wrote {args.programs} programs to {dest}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "plugins"))
    sys.exit(main())
