"""stub"""

from flask import Blueprint, jsonify

from pipeline.web.site import publication

bp = Blueprint("meta", __name__)


@bp.route("/health")
def health():
    return jsonify({"status": "ok", "release": publication().release})
