/** Where PLAO Lens reads pages: the content script's matches, and the host access Firefox asks for. */
export const READ_ORIGINS = ['http://*/*', 'https://*/*'];
