/** What Rasid reports about a page's article. Plain JSON: it crosses the message boundary. */
export interface ArticleSummary {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO date string when the page states one. */
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  wordCount: number;
}
