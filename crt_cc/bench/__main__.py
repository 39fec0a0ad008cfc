"""``python -m crt_cc.bench``: what ``make bench`` runs."""

import sys

from .main import main

sys.exit(main())
