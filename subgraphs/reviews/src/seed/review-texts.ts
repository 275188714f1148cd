/**
 * Curated review texts for the demo shop, by sentiment. The generator picks a title and composes a body from
 * an opening, a detail and a closing, so about two hundred reviews read as written by people, not by a loop.
 * `{product}` is replaced by the product's name.
 */
export interface ReviewTexts {
  readonly titles: ReadonlyArray<string>;
  readonly openings: ReadonlyArray<string>;
  readonly details: ReadonlyArray<string>;
  readonly closings: ReadonlyArray<string>;
}

export type Sentiment = 'glowing' | 'positive' | 'mixed' | 'negative';

export function sentimentOf(rating: number): Sentiment {
  if (rating >= 5) return 'glowing';
  if (rating === 4) return 'positive';
  if (rating === 3) return 'mixed';
  return 'negative';
}

export const REVIEW_TEXTS: Readonly<Record<Sentiment, ReviewTexts>> = {
  glowing: {
    titles: [
      'Exactly what I hoped for',
      'Worth every cent',
      'Best purchase this year',
      'Could not be happier',
      'Lives up to the hype',
      'Outstanding quality',
      'Buy it, you will not regret it',
      'A joy to use every day',
    ],
    openings: [
      'I have been using the {product} daily for a few weeks now and it has not missed a beat.',
      'Bought the {product} after reading a lot of comparisons, and it was the right call.',
      'This replaced something twice the price and it is better in every way that matters to me.',
      'Arrived well packed, set up in minutes, and it has been flawless since.',
      'I was sceptical about the reviews, but the {product} really is that good.',
    ],
    details: [
      'Build quality is excellent; nothing creaks or feels cheap.',
      'It does exactly what the description says, no more fuss than that.',
      'The finish looks even nicer in person than in the photos.',
      'Small details show that someone actually thought about how it gets used.',
      'My partner has started borrowing it, which says it all.',
    ],
    closings: [
      'Would happily buy it again.',
      'Highly recommended.',
      'Five stars without hesitation.',
      'Already ordered a second one as a gift.',
    ],
  },
  positive: {
    titles: [
      'Very good, with one small gripe',
      'Solid choice',
      'Happy with it',
      'Great value',
      'Does the job well',
      'Nearly perfect',
    ],
    openings: [
      'Overall the {product} is a very good buy.',
      'Good product at a fair price.',
      'After a month with the {product} I am happy with it.',
      'It does what I bought it for, and does it well.',
    ],
    details: [
      'The instructions could be clearer, but it is easy enough once you get going.',
      'It is a little heavier than I expected.',
      'The packaging was more than it needed to be.',
      'I would have liked one more colour option.',
      'It took a couple of days to get used to, after that no complaints.',
    ],
    closings: ['Recommended.', 'Four stars, and only because nothing is perfect.', 'I would buy it again.'],
  },
  mixed: {
    titles: ['Okay, not great', 'Mixed feelings', 'Fine for the price', 'Does the basics', 'Expected a bit more'],
    openings: [
      'The {product} is fine, but it did not wow me.',
      'There is a lot to like here, and a few things that annoy me.',
      'For the price it is acceptable.',
    ],
    details: [
      'Some parts feel well made, others feel like corners were cut.',
      'It works, but the competition has caught up.',
      'The photos flatter it a little.',
      'Setup took longer than it should have.',
    ],
    closings: ['Would consider alternatives next time.', 'Not bad, not memorable.', 'Three stars feels fair.'],
  },
  negative: {
    titles: ['Disappointed', 'Not as described', 'Would not buy again', 'Stopped working', 'Save your money'],
    openings: [
      'I really wanted to like the {product}, but it let me down.',
      'Returned it after two weeks.',
      'Unfortunately mine had problems from the start.',
    ],
    details: [
      'Quality control seems hit and miss.',
      'It does not match what the product page promises.',
      'Customer service was helpful, but the product itself is the problem.',
      'Something rattled inside from day one.',
    ],
    closings: ['Look elsewhere.', 'Hopefully a later batch is better.', 'Cannot recommend it.'],
  },
};
