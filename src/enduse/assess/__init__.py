"""Assessment: claims merged into assertions across documents, their independent origins and
Admiralty grades, and documents clustered into stories."""

from enduse.assess.assessment import Assessment, DocumentAssessment, assess
from enduse.assess.dating import Repost
from enduse.assess.facts import claim_key
from enduse.assess.report import assessment_json

__all__ = ["Assessment", "DocumentAssessment", "Repost", "assess", "assessment_json", "claim_key"]
