"""Password guessing on the admin login, counted three ways with a limit each.

django-axes counts failed logins per entry of ``AXES_LOCKOUT_PARAMETERS`` and
locks out when any count reaches one ``AXES_FAILURE_LIMIT``. One limit does not
fit all three things we count:

- one user name from one address (a caseworker's typos, or one guesser):
  ``AXES_FAILURE_LIMIT``, 5 by default;
- one address, whatever the user names (password spraying):
  ``STAFF_LOCKOUT_ADDRESS_LIMIT``, 20 by default, since a whole office behind
  one address shares it;
- one user name, whatever the addresses (guessing spread over many
  addresses): ``STAFF_LOCKOUT_USERNAME_LIMIT``, 20 by default, since anyone
  who knows a user name can lock its owner out for the cool-off time.

The handler scales each count to the scale of ``AXES_FAILURE_LIMIT`` so that
axes' own comparison (``failures >= AXES_FAILURE_LIMIT``) locks out exactly when
one of the three reaches its own limit. A successful login clears only the
count of that user name from that address, so an account one controls
cannot wipe the counts of guesses at other accounts or from other addresses.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


def lockout_limits(pair_limit):
    """The limit of each entry of AXES_LOCKOUT_PARAMETERS, in the same order."""
    return (pair_limit, settings.STAFF_LOCKOUT_ADDRESS_LIMIT, settings.STAFF_LOCKOUT_USERNAME_LIMIT)


class StaffLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        scale = get_failure_limit(request, credentials)
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        # floor(count * scale / limit) >= scale exactly when count >= limit.
        return max(
            (
                count * scale // limit
                for count, limit in zip(counts, lockout_limits(scale), strict=True)
            ),
            default=0,
        )

    def reset_user_attempts(self, request, credentials=None):
        pair_only = self.filter_user_attempts(request, credentials)[:1]
        return sum(attempts.delete()[0] for attempts in pair_only)
