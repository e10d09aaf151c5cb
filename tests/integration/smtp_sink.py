#!/usr/bin/python3
# A real SMTP server for the newsletter tests (Debian's python3-aiosmtpd): each message it
# accepts is written to FOLDER/NNNN.eml as received (envelope sender and recipients in the
# first lines); a recipient whose address starts with "bounce" is refused with a 550, as a
# mail server refuses an unknown mailbox. Prints "listening on PORT", then serves until its
# standard input closes (the test's guard), so it never outlives the test.
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.folder, "%04d.eml" % self.count)
        with open(name + ".part", "wb") as out:
            out.write(("X-Envelope-From: %s\r\n" % envelope.mail_from).encode())
            out.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            out.write(envelope.original_content)
        os.rename(name + ".part", name)  # whole files only, for the test reading the folder
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = free_port()
    controller = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening on %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
