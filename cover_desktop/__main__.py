import sys

from cover_desktop.app import main

sys.exit(main())
