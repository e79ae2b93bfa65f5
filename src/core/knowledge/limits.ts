/** The reading limits the build holds every text to. */
export const LIMITS = { shortWords: 40, shortGrade: 8, articleGrade: 8 };
