"""Synced folders and network filesystems are recognised (fake paths, fake mount table)."""

from __future__ import annotations

import pytest

from pathway_app.store.locations import Mount, parse_mounts, risky_location

MOUNTS = parse_mounts(
    "/dev/sda1 / ext4 rw 0 0\n"
    "server:/export/home /home/nfsuser nfs4 rw 0 0\n"
    "//fileserver/social\\040care /mnt/social\\040care cifs rw 0 0\n"
    "pa@host:/srv /mnt/remote fuse.sshfs rw 0 0\n"
    "drvfs /mnt/c 9p rw 0 0\n"
    "tmpfs /tmp tmpfs rw 0 0\n"
    "/dev/sdb1 /media/usb vfat rw 0 0\n"
)


@pytest.mark.parametrize(
    "path, service",
    [
        ("/home/pa/OneDrive/Pathway/pathway.db", "OneDrive"),
        ("/home/pa/OneDrive - Anytown Council/records/pathway.db", "OneDrive"),
        ("/home/pa/Dropbox/pathway.db", "Dropbox"),
        ("/home/pa/Dropbox (Anytown)/pathway.db", "Dropbox"),
        ("/home/pa/Google Drive/pathway.db", "Google Drive"),
        ("/Users/pa/Library/CloudStorage/GoogleDrive-pa@anytown.gov.uk/My Drive/pathway.db", "Google Drive"),
        ("/Users/pa/Library/Mobile Documents/com~apple~CloudDocs/pathway.db", "iCloud"),
        ("/Users/pa/Library/CloudStorage/OneDrive-Personal/pathway.db", "OneDrive"),
        ("/home/pa/Nextcloud/pathway.db", "Nextcloud"),
        ("C:\\Users\\pa\\OneDrive - Anytown\\Documents\\pathway.db", "OneDrive"),
        ("C:\\Users\\pa\\Dropbox\\pathway.db", "Dropbox"),
    ],
)
def test_synced_folders(path, service):
    w = risky_location(path, mounts=MOUNTS, resolve=False)
    assert w is not None and service in w and "kept in step" in w


@pytest.mark.parametrize(
    "path, what",
    [
        ("/home/nfsuser/pathway.db", "NFS"),
        ("/mnt/social care/team/pathway.db", "SMB"),
        ("/mnt/remote/pathway.db", "sshfs"),
        ("/mnt/c/Users/pa/pathway.db", "9p"),
        ("\\\\fileserver\\social\\pathway.db", "network share"),
    ],
)
def test_network_filesystems(path, what):
    w = risky_location(path, mounts=MOUNTS, resolve=False)
    assert w is not None and what in w


@pytest.mark.parametrize(
    "path",
    [
        "/home/pa/.local/share/PathwayPlanner/pathway.db",
        "/tmp/pathway.db",
        "/media/usb/pathway.db",
        "/home/pa/Documents/dropbox-notes/pathway.db",  # only the name of a sync folder counts
        "/home/pa/boxes/pathway.db",
        "C:\\Users\\pa\\AppData\\Local\\PathwayPlanner\\pathway.db",
    ],
)
def test_ordinary_places_are_fine(path):
    assert risky_location(path, mounts=MOUNTS, resolve=False) is None


def test_nested_mounts_pick_the_longest_mount_point():
    mounts = [Mount("/", "ext4"), Mount("/srv", "nfs"), Mount("/srv/local", "ext4")]
    assert risky_location("/srv/local/pathway.db", mounts=mounts, resolve=False) is None
    assert risky_location("/srv/pathway.db", mounts=mounts, resolve=False) is not None
    assert risky_location("/srvx/pathway.db", mounts=mounts, resolve=False) is None


def test_symlink_into_a_synced_folder_is_followed(tmp_path):
    real = tmp_path / "Dropbox"
    real.mkdir()
    link = tmp_path / "records"
    link.symlink_to(real)
    assert "Dropbox" in risky_location(link / "pathway.db", mounts=[Mount("/", "ext4")])


def test_reads_a_mounts_file(tmp_path):
    f = tmp_path / "mounts"
    f.write_text("/dev/vda / ext4 rw 0 0\nsrv:/x /net nfs rw 0 0\n")
    assert risky_location("/net/pathway.db", mounts_file=f, resolve=False)
    assert risky_location("/data/pathway.db", mounts_file=f, resolve=False) is None
    assert risky_location("/data/pathway.db", mounts_file=tmp_path / "absent", resolve=False) is None


def test_this_machines_test_folder_is_fine(tmp_path):
    assert risky_location(tmp_path / "pathway.db") is None
