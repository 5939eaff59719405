import type { ThesaurusName } from '../api/records';

/** A term every new vault starts with: [code, English, Belarusian, Russian]. */
type SeedTerm = readonly [code: string, en: string, be: string, ru: string];

/**
 * The starting thesauri. Codes are stable and used by figures; labels can be edited by the
 * user. `detention_type` and `risk_category` adapt HURIDOCS micro-thesauri (see
 * docs/thesauri.md); facilities start empty, since addresses must come from the user's sources.
 */
export const SEED_TERMS: Record<ThesaurusName, readonly SeedTerm[]> = {
  release_type: [
    ['pardon', 'Pardon', 'Памілаванне', 'Помилование'],
    ['amnesty', 'Amnesty', 'Амністыя', 'Амнистия'],
    ['sentence_served', 'Sentence served', 'Поўнасцю адбыў тэрмін', 'Полностью отбыл срок'],
    ['exchange', 'Exchange', 'Абмен', 'Обмен'],
    ['deportation', 'Deportation', 'Дэпартацыя', 'Депортация'],
    [
      'diplomatic_efforts',
      'Diplomatic efforts',
      'Дыпламатычныя намаганні',
      'Дипломатические усилия',
    ],
    ['acquittal', 'Acquittal', 'Апраўданне', 'Оправдание'],
    [
      'parole_or_replacement',
      'Parole or replacement of punishment',
      'Умоўна-датэрміновае вызваленне або замена пакарання',
      'Условно-досрочное освобождение или замена наказания',
    ],
    ['other', 'Other', 'Іншае', 'Другое'],
  ],
  detention_type: [
    [
      'administrative_detention',
      'Administrative detention',
      'Адміністрацыйнае затрыманне',
      'Административное задержание',
    ],
    [
      'administrative_arrest',
      'Administrative arrest',
      'Адміністрацыйны арышт',
      'Административный арест',
    ],
    ['police_custody', 'Police custody', 'Затрыманне ў міліцыі', 'Задержание в милиции'],
    ['pre_trial_detention', 'Pre-trial detention', 'Узяцце пад варту', 'Заключение под стражу'],
    ['house_arrest', 'House arrest', 'Хатні арышт', 'Домашний арест'],
    [
      'imprisonment',
      'Imprisonment after sentence',
      'Пазбаўленне волі паводле прысуду',
      'Лишение свободы по приговору',
    ],
    ['restricted_freedom', 'Restriction of freedom', 'Абмежаванне волі', 'Ограничение свободы'],
    [
      'psychiatric_detention',
      'Psychiatric detention',
      'Прымусовае лячэнне',
      'Принудительное лечение',
    ],
    [
      'incommunicado',
      'Incommunicado detention',
      'Утрыманне без сувязі з вонкавым светам',
      'Содержание без связи с внешним миром',
    ],
    ['unknown', 'Unknown', 'Невядома', 'Неизвестно'],
  ],
  risk_category: [
    ['disability', 'Disability', 'Інваліднасць', 'Инвалидность'],
    [
      'serious_health',
      'Serious health condition',
      'Сур’ёзныя праблемы са здароўем',
      'Серьёзные проблемы со здоровьем',
    ],
    ['over_60', 'Over 60 years old', 'Старэйшыя за 60 гадоў', 'Старше 60 лет'],
    ['mental_disorder', 'Mental disorder', 'Псіхічныя расстройствы', 'Психические расстройства'],
    ['pregnant', 'Pregnant', 'Цяжарнасць', 'Беременность'],
    [
      'parent_of_young_children',
      'Parent of young children',
      'Бацькі малых дзяцей',
      'Родители малолетних детей',
    ],
    [
      'denied_medical_care',
      'Denied medical care',
      'Адмова ў медычнай дапамозе',
      'Отказ в медицинской помощи',
    ],
  ],
  facility: [],
  article: [
    [
      'cc-130',
      'Criminal Code 130: incitement of hatred',
      'КК 130: распальванне варожасці',
      'УК 130: разжигание вражды',
    ],
    [
      'cc-293',
      'Criminal Code 293: mass riots',
      'КК 293: масавыя беспарадкі',
      'УК 293: массовые беспорядки',
    ],
    [
      'cc-342',
      'Criminal Code 342: actions grossly violating public order',
      'КК 342: дзеянні, якія груба парушаюць грамадскі парадак',
      'УК 342: действия, грубо нарушающие общественный порядок',
    ],
    [
      'cc-356',
      'Criminal Code 356: treason',
      'КК 356: здрада дзяржаве',
      'УК 356: измена государству',
    ],
    [
      'cc-361-1',
      'Criminal Code 361-1: extremist formation',
      'КК 361-1: экстрэмісцкае фармаванне',
      'УК 361-1: экстремистское формирование',
    ],
    [
      'cc-361-4',
      'Criminal Code 361-4: facilitating extremist activity',
      'КК 361-4: садзейнічанне экстрэмісцкай дзейнасці',
      'УК 361-4: содействие экстремистской деятельности',
    ],
    [
      'cc-364',
      'Criminal Code 364: violence against a police officer',
      'КК 364: гвалт у адносінах да супрацоўніка міліцыі',
      'УК 364: насилие в отношении сотрудника милиции',
    ],
    [
      'cc-368',
      'Criminal Code 368: insulting the president',
      'КК 368: абраза прэзідэнта',
      'УК 368: оскорбление президента',
    ],
    [
      'cc-369',
      'Criminal Code 369: insulting a representative of authority',
      'КК 369: абраза прадстаўніка ўлады',
      'УК 369: оскорбление представителя власти',
    ],
    [
      'ac-19.11',
      'Administrative Code 19.11: distributing extremist materials',
      'КаАП 19.11: распаўсюджванне экстрэмісцкіх матэрыялаў',
      'КоАП 19.11: распространение экстремистских материалов',
    ],
    [
      'ac-24.23',
      'Administrative Code 24.23: mass event rules',
      'КаАП 24.23: парушэнне парадку масавых мерапрыемстваў',
      'КоАП 24.23: нарушение порядка массовых мероприятий',
    ],
  ],
  region: [
    ['brest', 'Brest region', 'Брэсцкая вобласць', 'Брестская область'],
    ['vitebsk', 'Vitebsk region', 'Віцебская вобласць', 'Витебская область'],
    ['gomel', 'Gomel region', 'Гомельская вобласць', 'Гомельская область'],
    ['grodno', 'Grodno region', 'Гродзенская вобласць', 'Гродненская область'],
    ['minsk_region', 'Minsk region', 'Мінская вобласць', 'Минская область'],
    ['mogilev', 'Mogilev region', 'Магілёўская вобласць', 'Могилёвская область'],
    ['minsk_city', 'Minsk (city)', 'Мінск', 'Минск'],
    ['abroad', 'Abroad', 'За мяжой', 'За рубежом'],
  ],
  sentence_type: [
    ['imprisonment', 'Imprisonment', 'Пазбаўленне волі', 'Лишение свободы'],
    ['restricted_freedom', 'Restriction of freedom', 'Абмежаванне волі', 'Ограничение свободы'],
    ['arrest', 'Arrest', 'Арышт', 'Арест'],
    ['correctional_labour', 'Correctional labour', 'Папраўчыя работы', 'Исправительные работы'],
    ['fine', 'Fine', 'Штраф', 'Штраф'],
    [
      'compulsory_treatment',
      'Compulsory medical treatment',
      'Прымусовыя меры бяспекі і лячэння',
      'Принудительные меры безопасности и лечения',
    ],
    ['suspended', 'Suspended sentence', 'Умоўнае пакаранне', 'Условное наказание'],
  ],
};
