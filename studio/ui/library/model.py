"""The media library's list model and its row painter.

One row per clip of the project: thumbnail, file name, duration and
resolution, how many scenes use it, and a red "missing" flag when the file
is gone.  Rows drag as ``application/x-drama-studio-media`` (clip ids), which
the branch graph turns into scenes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from studio.app.document import Document
from studio.app.thumbnails import ThumbnailCache
from studio.model.ops import ChangeSet
from studio.model.project import MediaAsset
from studio.ui.graph.items import duration_text
from studio.ui.graph.view import MEDIA_MIME

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_ROLE = Qt.ItemDataRole.UserRole + 2
USES_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4
ROW_H = 74
THUMB = QSize(36, 64)
Index = QModelIndex | QPersistentModelIndex


class MediaListModel(QAbstractListModel):
    """The project's clips, refreshed from ``Document.changed``."""

    def __init__(self, document: Document, thumbnails: ThumbnailCache) -> None:
        super().__init__(document)
        self.doc = document
        self.thumbnails = thumbnails
        self._assets: list[MediaAsset] = []
        self._uses: dict[str, int] = {}
        self._missing: set[str] = set()
        document.changed.connect(self._on_changed)
        thumbnails.ready.connect(self._on_thumbnail)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        project = self.doc.project
        self._assets = list(project.media)
        self._uses = {}
        for s in project.scenes:
            if s.media is not None:
                self._uses[s.media] = self._uses.get(s.media, 0) + 1
        folder = self.doc.folder
        self._missing = {m.id for m in self._assets if folder is None or not (folder / m.path).is_file()}
        self.endResetModel()

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.media or changes.structure or changes.reset:
            self.refresh()

    def _on_thumbnail(self, media_id: str) -> None:
        for row, asset in enumerate(self._assets):
            if asset.id == media_id:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def asset(self, index: Index) -> MediaAsset | None:
        return self._assets[index.row()] if 0 <= index.row() < len(self._assets) else None

    def is_missing(self, media_id: str) -> bool:
        return media_id in self._missing

    def uses(self, media_id: str) -> int:
        return self._uses.get(media_id, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._assets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        asset = self.asset(index)
        if asset is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(asset.path).name
        if role == ID_ROLE:
            return asset.id
        if role == MISSING_ROLE:
            return asset.id in self._missing
        if role == USES_ROLE:
            return self._uses.get(asset.id, 0)
        if role == DETAIL_ROLE:
            return f"{duration_text(asset.duration_ms)}  ·  {asset.width}×{asset.height}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.image(asset.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = self.tr("MISSING: use Relink to find it") + "\n" if asset.id in self._missing else ""
            codecs = f"{asset.video_codec} + {asset.audio_codec}" if asset.audio_codec else asset.video_codec
            details = self.tr("{codecs}, {fps} fps, {size} MB\nid: {id}").format(
                codecs=codecs, fps=f"{asset.fps:g}", size=f"{asset.size / 1e6:.1f}", id=asset.id)
            return f"{state}{asset.path}\n{details}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [MEDIA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [a.id for i in indexes if (a := self.asset(i)) is not None]
        mime.setData(MEDIA_MIME, "\n".join(ids).encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class ClipDelegate(QStyledItemDelegate):
    """Paints a clip row: thumbnail, name, details, usage or missing flag."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        thumb = QRect(
            rect.left() + 6, rect.top() + (rect.height() - THUMB.height()) // 2, THUMB.width(), THUMB.height()
        )
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if image is not None and not image.isNull():
            painter.drawImage(thumb, image)
        else:
            painter.fillRect(thumb, palette.color(QPalette.ColorRole.Mid))
        x = thumb.right() + 10
        width = rect.right() - x - 6
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_color)
        metrics = painter.fontMetrics()
        name = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideMiddle, width)
        line = metrics.height()
        top = rect.top() + (rect.height() - 3 * line) // 2
        painter.drawText(QRect(x, top, width, line), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.drawText(
            QRect(x, top + line, width, line), Qt.AlignmentFlag.AlignVCenter, str(index.data(DETAIL_ROLE))
        )
        if index.data(MISSING_ROLE):
            painter.setPen(QColor("#d64541"))
            status = self.tr("⚠ Missing file — Relink")
        else:
            uses = int(index.data(USES_ROLE) or 0)
            if uses == 1:
                status = self.tr("used by 1 scene")
            else:
                status = self.tr("used by {count} scenes").format(count=uses)
            if not uses:
                status = self.tr("not used yet")
        painter.drawText(QRect(x, top + 2 * line, width, line), Qt.AlignmentFlag.AlignVCenter, status)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return None  # type: ignore[return-value]
