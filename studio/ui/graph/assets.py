"""What the graph's items draw beside the model: media assets, node thumbnails, label sizes.

:class:`ItemAssets` keeps, for one graph, the project's media by id, the thumbnails
scaled once for the nodes (dropped when a newer thumbnail is decoded or the media
change) and the sizes of edge label boxes (cached by text).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPixmap

from studio.app.thumbnails import ThumbnailCache
from studio.model.project import MediaAsset, Project
from studio.ui.graph.style import THUMB_H, THUMB_W

__all__ = ["ItemAssets"]


class ItemAssets:
    """Media, scaled thumbnails and label sizes of one graph."""

    def __init__(self, thumbnails: ThumbnailCache) -> None:
        self.thumbnails = thumbnails
        self._media: dict[str, MediaAsset] = {}
        self._pixmaps: dict[str, QPixmap] = {}
        self._label_sizes: dict[str, tuple[float, float]] = {}

    def reset(self, project: Project) -> None:
        """The project's media (after a load or a media change); every scaled thumbnail is redone."""
        self._media = project.media_map()
        self._pixmaps.clear()

    def forget(self, media_id: str) -> None:
        """A newer thumbnail of ``media_id`` was decoded."""
        self._pixmaps.pop(media_id, None)

    def asset(self, media_id: str) -> MediaAsset | None:
        return self._media.get(media_id)

    def label_size(self, text: str, metrics: QFontMetrics) -> tuple[float, float]:
        """Size of an edge label box (cached by text)."""
        size = self._label_sizes.get(text)
        if size is None:
            size = self._label_sizes[text] = (metrics.horizontalAdvance(text) + 12.0, metrics.height() + 4.0)
        return size

    def pixmap(self, media_id: str) -> QPixmap | None:
        """The thumbnail of ``media_id`` scaled for a node (None until it is decoded)."""
        pixmap = self._pixmaps.get(media_id)
        if pixmap is None:
            image = self.thumbnails.image(media_id)
            if image is None:
                return None
            scaled = image.scaled(
                int(THUMB_W * 2),
                int(THUMB_H * 2),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap = self._pixmaps[media_id] = QPixmap.fromImage(scaled)
        return pixmap
