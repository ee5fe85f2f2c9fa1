"""The journey board on the Journey page: a small Components v2 component of our own
(board.js, board.css; no build step, nothing downloaded), the data it draws, and the
history of journey maps that undo and redo walk."""
