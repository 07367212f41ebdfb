"""Handing out a certificate: recorded first, then laid out, the same paper at every reprint.

Shared by the certificate screen and the volunteer's group certificates, so both record
and lay out a certificate the same way. reportlab is loaded only when a certificate is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oefenplek.core.certificates import LESSON, Certificate, for_lesson, for_theme
from oefenplek.gui.services import Services
from oefenplek.views.bilingual import reading

if TYPE_CHECKING:
    from oefenplek.documents.certificate import Page


def page_of(services: Services, certificate: Certificate) -> Page:
    from oefenplek.documents.certificate import layout, theme_icon

    theme = services.catalog.theme(certificate.theme_id)
    colour = theme.colour if theme else "#124A99"
    return layout(certificate, colour, theme_icon(certificate.theme_id),
                  services.settings.logo_path())


def certificate_for(services: Services, learner_id: str, lesson_id: str, kind: str,
                    signer: str) -> Certificate | None:
    """The certificate as it will be printed; None for an unknown learner or lesson."""
    learner = services.repository.learner(learner_id)
    lesson = services.catalog.lessons.get(lesson_id)
    if learner is None or lesson is None:
        return None
    location, today = services.settings.location_name(), services.today()
    theme = services.catalog.theme(lesson.theme)
    # In the learner's own language (as the learner reads: only Dutch stays Dutch).
    language = reading(learner.language, learner.preferences.language_mode).interface
    if kind == LESSON or theme is None:
        return for_lesson(learner.name, lesson, location, today, signer, learner_id=learner.id,
                          language=language)
    return for_theme(learner.name, theme, services.catalog, location, today, signer,
                     learner_id=learner.id, language=language)


def issue_all(services: Services, learner_ids: list[str], lesson_id: str, kind: str,
              signer: str) -> list[tuple[Certificate, Page]]:
    """Record the certificates as handed out, all in one transaction (all or none), and lay
    them out. A storage error is raised: callers run this through `services.ops`."""
    made = [certificate_for(services, learner_id, lesson_id, kind, signer)
            for learner_id in learner_ids]
    issued = services.repository.issue_certificates([c for c in made if c is not None])
    return [(certificate, page_of(services, certificate)) for certificate in issued]


def issue(services: Services, learner_id: str, lesson_id: str, kind: str,
          signer: str) -> tuple[Certificate, Page] | None:
    """One learner's certificate, recorded and laid out; None when there is nothing to make."""
    made = issue_all(services, [learner_id], lesson_id, kind, signer)
    return made[0] if made else None
