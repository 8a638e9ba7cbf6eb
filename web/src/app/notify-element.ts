// ElMessage and ElMessageBox come from unplugin-auto-import, which also brings their CSS (an explicit import
// from 'element-plus' would not; STACK.md trap 3). This module is loaded on the first message or question only:
// the box alone brings an input, buttons, an overlay and a focus trap the first screen does not need.
export const message = ElMessage
export const messageBox = ElMessageBox
