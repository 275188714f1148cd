import type { Assortment } from './catalog.types';

export const AUDIO: ReadonlyArray<Assortment> = [
  {
    category: 'over-ear-headphones',
    variants: [
      { label: 'Black', code: 'BLK' },
      { label: 'Silver', code: 'SLV' },
      { label: 'Midnight Blue', code: 'BLU' },
    ],
    features: [
      'Connects to two devices at once over Bluetooth 5.3 and switches to whichever plays.',
      'Folds flat into the included hard-shell travel case.',
      'Charges over USB-C; ten minutes give about five hours of listening.',
      'A 3.5 mm cable is included for in-flight entertainment systems.',
    ],
    lines: [
      { brand: 'Sony', model: 'WH-1000XM5', code: 'SNY-WH1000XM5', price: 39999, weight: 250, blurb: 'Industry-leading noise cancelling with eight microphones and 30 hours of battery life.' },
      { brand: 'Bose', model: 'QuietComfort Ultra Headphones', code: 'BOS-QCUH', price: 42999, weight: 254, blurb: 'Bose’s quietest headphones yet, with immersive spatial audio and plush protein-leather cushions.' },
      { brand: 'Sennheiser', model: 'Momentum 4 Wireless', code: 'SEN-M4W', price: 37999, weight: 293, blurb: 'Audiophile tuning and a 60-hour battery, the longest of any premium noise-cancelling pair.' },
      { brand: 'Apple', model: 'AirPods Max', code: 'APL-APMAX', price: 54999, weight: 385, blurb: 'Stainless-steel and aluminium headphones with computational audio and seamless switching between Apple devices.' },
      { brand: 'Audio-Technica', model: 'ATH-M50xBT2', code: 'ATH-M50XBT2', price: 19999, weight: 307, blurb: 'The studio-monitor classic, now wireless, with 50 hours of battery and low-latency mode.' },
    ],
  },
  {
    category: 'wireless-earbuds',
    variants: [
      { label: 'Black', code: 'BLK' },
      { label: 'White', code: 'WHT' },
      { label: 'Sand', code: 'SND' },
    ],
    features: [
      'Sweat and splash resistant (IPX4): fine for the gym and a run in the rain.',
      'The charging case tops up over USB-C or on a wireless charger.',
      'Three sizes of ear tips in the box, and a fit test in the app.',
      'Transparency mode lets voices and traffic through without taking them out.',
    ],
    lines: [
      { brand: 'Apple', model: 'AirPods Pro 2', code: 'APL-APP2', price: 24999, weight: 51, blurb: 'Active noise cancelling, adaptive audio and a case with a speaker so Find My can ring it.' },
      { brand: 'Sony', model: 'WF-1000XM5', code: 'SNY-WF1000XM5', price: 29999, weight: 45, blurb: 'Sony’s smallest flagship earbuds, with class-leading noise cancelling and LDAC hi-res audio.' },
      { brand: 'Samsung', model: 'Galaxy Buds3 Pro', code: 'SAM-GB3P', price: 24999, weight: 53, blurb: 'Blade-design earbuds with two-way speakers and real-time interpreter mode on Galaxy phones.' },
      { brand: 'Bose', model: 'QuietComfort Ultra Earbuds', code: 'BOS-QCUE', price: 29999, weight: 59, blurb: 'Bose’s best noise cancelling in an earbud, with stability bands that keep them in place.' },
      { brand: 'Jabra', model: 'Elite 10 Gen 2', code: 'JAB-E10G2', price: 24999, weight: 60, blurb: 'Semi-open earbuds designed for all-day comfort, with six microphones for clear calls.' },
    ],
  },
  {
    category: 'speakers',
    variants: [
      { label: 'Black', code: 'BLK' },
      { label: 'Blue', code: 'BLU' },
      { label: 'Red', code: 'RED' },
    ],
    features: [
      'Pairs with a second speaker of the same model for stereo sound.',
      'Waterproof and dustproof (IP67); it floats, too.',
      'Built-in microphone for speakerphone calls.',
      'Charges over USB-C and can top up a phone in an emergency.',
    ],
    lines: [
      { brand: 'Sonos', model: 'Era 100', code: 'SNS-ERA100', price: 24999, weight: 2000, blurb: 'A compact smart speaker with stereo sound, Wi-Fi streaming and Trueplay room tuning.', variants: [{ label: 'Black', code: 'BLK' }, { label: 'White', code: 'WHT' }] },
      { brand: 'JBL', model: 'Flip 6', code: 'JBL-FLIP6', price: 12999, weight: 550, blurb: 'A rugged portable speaker with a separate tweeter for crisp highs and 12 hours of playtime.' },
      { brand: 'Bose', model: 'SoundLink Flex', code: 'BOS-SLFLEX', price: 14999, weight: 600, blurb: 'A clip-on speaker tuned by PositionIQ, which adjusts the sound to how it is placed.' },
      { brand: 'Ultimate Ears', model: 'BOOM 4', code: 'UE-BOOM4', price: 14999, weight: 677, blurb: '360° sound from a drop-proof cylinder with a 15-hour battery.' },
      { brand: 'Marshall', model: 'Emberton III', code: 'MAR-EMB3', price: 16999, weight: 680, blurb: 'A pocket-sized speaker with Marshall’s signature sound and over 32 hours of playtime.' },
    ],
  },
];
