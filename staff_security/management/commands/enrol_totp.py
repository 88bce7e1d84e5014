import io

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 5


class Command(BaseCommand):
    help = (
        "Enrol a staff member's authenticator app for two-factor login to the admin: "
        "prints a QR code to scan and the otpauth:// address, plus one-time backup codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The staff member's user name.")
        parser.add_argument(
            "--device-name", default="authenticator app", help="A name to recognise the device."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the user's earlier authenticator apps and backup codes first.",
        )

    def handle(self, *args, username, device_name, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user called {username!r}.")
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff; only staff log in to the admin.")
        if replace:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
        elif TOTPDevice.objects.filter(user=user).exists():
            raise CommandError(
                f"{username!r} already has an authenticator app; use --replace to enrol a new one."
            )
        device = TOTPDevice.objects.create(user=user, name=device_name, confirmed=True)
        backup = StaticDevice.objects.create(user=user, name="backup codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])

        self.stdout.write(f"Scan this code with the authenticator app of {username}:\n")
        picture = io.StringIO()
        # Light modules as blocks, two rows a line: readable on a dark terminal.
        segno.make(device.config_url, micro=False).terminal(out=picture, border=2, compact=True)
        self.stdout.write(picture.getvalue())
        self.stdout.write(f"\nOr enter this address in the app:\n{device.config_url}\n")
        self.stdout.write("\nBackup codes (each works once; keep them somewhere safe):")
        for backup_code in codes:
            self.stdout.write(f"  {backup_code}")
        self.stdout.write(self.style.SUCCESS(f"\n{username} must now log in with a code."))
