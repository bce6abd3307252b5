import type { Taxonomy } from "~/bank/question-file";
import type { Language } from "~/utils/i18n";

/** A topic or subtopic choice: value `topic` or `topic/subtopic`, labelled in both languages. */
export type TopicOption = { value: string; vi: string; en: string; depth: 0 | 1 };

export function topicOptions(taxonomy: Taxonomy): TopicOption[] {
  return taxonomy.topics.flatMap((topic) => [
    { value: topic.id, vi: topic.vi, en: topic.en, depth: 0 as const },
    ...(topic.subtopics ?? []).map((subtopic) => ({
      value: `${topic.id}/${subtopic.id}`,
      vi: `${topic.vi} › ${subtopic.vi}`,
      en: `${topic.en} › ${subtopic.en}`,
      depth: 1 as const,
    })),
  ]);
}

export function topicLabel(options: readonly TopicOption[], topic: string, subtopic: string | undefined, language: Language) {
  const value = subtopic ? `${topic}/${subtopic}` : topic;
  const option = options.find((candidate) => candidate.value === value);
  return option ? option[language] : value;
}
