"""Where the datasets' files are downloaded from, and what each file must look like.

The pinned checksums and sizes come from torchvision and tensorflow-datasets; a file is only
accepted when every checksum given for it matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_nn.data.mnist import FILE_NAMES


@dataclass(frozen=True)
class RemoteFile:
    """One file to download and what it must look like.

    Parameters
    ----------
    name : str
        The file name, both on the mirror (appended to the mirror's URL) and on disk.
    sha256, md5 : str, optional
        Expected hex digests of the file's bytes; at least one is required, every one given is
        checked.
    size : int, optional
        Expected size in bytes; a mirror announcing or sending another size is skipped early.
    """

    name: str
    sha256: str | None = None
    md5: str | None = None
    size: int | None = None

    def __post_init__(self) -> None:
        if not self.name or "/" in self.name or "\\" in self.name or self.name in (".", ".."):
            raise ValueError(f"RemoteFile name must be a plain file name, not {self.name!r}")
        if self.sha256 is None and self.md5 is None:
            raise ValueError(f"RemoteFile {self.name!r} needs a sha256 or an md5 checksum")
        for algorithm, value, length in (("sha256", self.sha256, 64), ("md5", self.md5, 32)):
            if value is not None and not is_hex(value, length):
                raise ValueError(
                    f"RemoteFile {self.name!r}: {algorithm} must be {length} hex digits, "
                    f"not {value!r}"
                )
        if self.size is not None and self.size < 0:
            raise ValueError(f"RemoteFile {self.name!r}: size must be >= 0, not {self.size}")

    def checksums(self) -> dict[str, str]:
        """The expected digests, strongest first: ``{"sha256": ..., "md5": ...}``."""
        found = {"sha256": self.sha256, "md5": self.md5}
        return {algorithm: value.lower() for algorithm, value in found.items() if value}


def is_hex(value: str, length: int) -> bool:
    return len(value) == length and all(c in "0123456789abcdefABCDEF" for c in value)


#: Base URLs tried in order for each dataset (the file name is appended).
MIRRORS: dict[str, tuple[str, ...]] = {
    # The two mirrors torchvision and tensorflow-datasets use since yann.lecun.com stopped
    # serving the files reliably.
    "mnist": (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ),
    # Zalando's own S3 bucket (the URL torchvision and tensorflow-datasets use), then the copy in
    # the zalandoresearch/fashion-mnist repository on GitHub (same bytes, also HTTPS).
    "fashion-mnist": (
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    ),
}


def pinned_files(**pins: tuple[str, str, int]) -> tuple[RemoteFile, ...]:
    """A dataset's four files from their pins: ``train_img=(sha256, md5, size), ...``.

    The keys are those of :data:`desktop_nn.data.mnist.FILE_NAMES`, which name the files.
    """
    return tuple(RemoteFile(FILE_NAMES[key], sha256=sha256, md5=md5, size=size)
                 for key, (sha256, md5, size) in pins.items())


#: The files of each dataset with their pinned checksums and sizes (the original .gz files).
REMOTE_FILES: dict[str, tuple[RemoteFile, ...]] = {
    # MD5 as pinned by torchvision's MNIST, SHA-256 and sizes as pinned by tensorflow-datasets
    # (url_checksums/mnist.txt); both listed in shared/datasets/mnist/README.md.
    "mnist": pinned_files(
        train_img=(
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "f68b3c2dcbeaaa9fbdd348bbdeb94873", 9_912_422),
        train_label=(
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "d53e105ee54ea40749a09fcbcd1e9432", 28_881),
        test_img=(
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "9fb629c4189551a2d022fa330f9573f3", 1_648_877),
        test_label=(
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            "ec29112dd5afa0611ce80d1b7f02629c", 4_542),
    ),
    # MD5 as pinned by torchvision's FashionMNIST (also the table in zalandoresearch/fashion-mnist's
    # README); SHA-256 and sizes as pinned by tensorflow-datasets
    # (tensorflow_datasets/url_checksums/fashion_mnist.txt).
    "fashion-mnist": pinned_files(
        train_img=(
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d", 26_421_880),
        train_label=(
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "25c81989df183df01b3e8a0aad5dffbe", 29_515),
        test_img=(
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "bef4ecab320f06d8554ea6380940ec79", 4_422_102),
        test_label=(
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
            "bb300cfdad3c16e7a12a480ee83cd310", 5_148),
    ),
}
