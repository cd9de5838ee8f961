# La página «Pilotos» para responsables (SPEC §10). Véanse las notas del
# original en inglés (locales/en/pilot-results.ftl).

## Estados de la página

loading = Cargando pilotos…
no-pilots = No hay pilotos configurados. Un operador los declara en candor.json, en "pilots": cada uno con un id, un nombre, sus tareas y herramientas, su primera y su última semana (from, to) y si el brazo de cada tarea se sortea con una moneda (randomize); véase SPEC §10.
no-sync = Este despliegue no tiene servidor de sincronización, así que no hay resultados de pilotos: los informes se quedan en cada dispositivo.
load-failed = No se pudieron cargar los pilotos: { $why }
retry = Reintentar
catalog-failed = Esta página se muestra en inglés: no se pudo cargar su traducción ({ $language }) ({ $reason ->
        [unreachable] no se pudo contactar con el servidor
        [status] el servidor respondió HTTP { $status }
       *[other] se hizo para otra versión de Candor
    }).

## Por qué no se pudieron cargar los pilotos

browser-no-reason = el navegador no dio ningún motivo
server-unreachable = no se pudo contactar con el servidor de sincronización en { $url } ({ $why }).
no-window = no hay ventana.
server-said = el servidor de sincronización respondió: { $message } (HTTP { $status }).
server-status = el servidor de sincronización respondió HTTP { $status } en { $url }.
not-json = no es JSON
not-pilot-list = la respuesta en { $url } no es una lista de pilotos ({ $why }).
not-pilot-results = la respuesta en { $url } no son los resultados de un piloto ({ $why }).
field-missing = falta { $field }
field-not-text = { $field } no es texto
field-not-number = { $field } no es un número
field-not-count = { $field } no es un recuento
field-not-boolean = { $field } no es true ni false
field-not-list = { $field } no es una lista
field-unknown-value = { $field } "{ $value }" no es uno que esta página conozca
field-not-week = { $field } "{ $value }" no es una semana
field-bad-arm = el brazo "{ $value }" no es ai ni no_ai
field-non-text-id = { $field } contiene un id que no es texto

## La sección de un piloto

weeks-counted = Semanas { $from } a { $to }; contadas hasta ahora: { $counted_from } a { $counted_to } (semanas ya terminadas).
weeks-none-counted = Semanas { $from } a { $to }; aún no ha terminado ninguna semana, así que no se cuenta nada.
design-randomized = Aleatorizado: para cada tarea, una moneda en el dispositivo de la persona decidió si hacerla con IA o sin ella.
design-chosen = No aleatorizado: una comparación de lo que eligió la gente, más débil que un ensayo aleatorizado. Quienes eligieron la IA pueden diferir de quienes no lo hicieron en aspectos que también cambian sus tiempos.
by-task = Por tarea
task-verdict = { $task }: { $verdict }
task-retired = { $task } (retirada)
whole-pilot = Piloto completo
side-by-side = Percibido y medido, lado a lado
before-and-during = Antes y durante el piloto
download-intro = Descargar lo que se muestra:
download-as = Descargar { $pilot } como { $format }
hidden-note = «oculto»: un grupo de menos de { $k } { $k ->
        [one] informe
       *[other] informes
    }, o uno cuyo recuento permitiría deducir un grupo así (SPEC §5). No se indica su tamaño.

## El veredicto, en una frase

verdict-not-enough = Aún no hay suficientes informes para un veredicto: cada brazo necesita al menos { $k } { $k ->
        [one] informe
       *[other] informes
    } de semanas ya terminadas, y tiempos que varíen.
verdict-clear-felt = La gente { $felt ->
        [faster] se sintió más rápida con IA
        [slower] se sintió más lenta con IA
       *[unclear] no notó una diferencia clara con IA
    } (percibido { $diff }, intervalo del 95 % { $low } a { $high }), y se midió que fue más { $verdict ->
        [slower] lenta
       *[faster] rápida
    }: en relación con lo previsto, las tareas llevaron { $ratio } el tiempo que sin IA (intervalo del 95 % { $ratio_low } a { $ratio_high }).
verdict-clear = Se midió que la gente fue más { $verdict ->
        [slower] lenta
       *[faster] rápida
    } con IA: en relación con lo previsto, las tareas llevaron { $ratio } el tiempo que sin IA (intervalo del 95 % { $ratio_low } a { $ratio_high }).
verdict-unclear-felt = La gente { $felt ->
        [faster] se sintió más rápida con IA
        [slower] se sintió más lenta con IA
       *[unclear] no notó una diferencia clara con IA
    } (percibido { $diff }, intervalo del 95 % { $low } a { $high }); no se midió una diferencia clara: en relación con lo previsto, las tareas llevaron { $ratio } el tiempo que sin IA, y el intervalo del 95 %, { $ratio_low } a { $ratio_high }, contiene el 1.{ $more ->
        [0] {""}
        [one] {" "}Aproximadamente { $more } informe más haría ese intervalo la mitad de ancho.
       *[other] {" "}Aproximadamente { $more } informes más harían ese intervalo la mitad de ancho.
    }
verdict-unclear = En el tiempo no se midió una diferencia clara: en relación con lo previsto, las tareas llevaron { $ratio } el tiempo que sin IA, y el intervalo del 95 %, { $ratio_low } a { $ratio_high }, contiene el 1.{ $more ->
        [0] {""}
        [one] {" "}Aproximadamente { $more } informe más haría ese intervalo la mitad de ancho.
       *[other] {" "}Aproximadamente { $more } informes más harían ese intervalo la mitad de ancho.
    }
disagree-felt-faster = Lo percibido y lo medido no coinciden: se percibió más rápido y se midió más lento. Cómo se siente la gente con la IA no es lo que tardaron sus tareas.
disagree-felt-slower = Lo percibido y lo medido no coinciden: se percibió más lento y se midió más rápido. Cómo se siente la gente con la IA no es lo que tardaron sus tareas.

## La tabla

table-caption = { $pilot }: percibido y medido, por brazo. Percibido: el resultado medio, de −2 (mucho peor) a +2 (ayudó mucho). Tiempo: minutos reales ÷ minutos previstos, media geométrica; por encima de 1 es más lento.
column-group = Grupo
column-reports = Informes
column-felt = Percibido (intervalo del 95 %)
column-time = Tiempo real ÷ previsto (intervalo del 95 %)
column-against-arm = Herramienta contraria a su brazo (intervalo del 95 %)
arm-row = { $group }, { $arm ->
        [ai] con IA
       *[no_ai] sin IA
    }
effect-row = { $group }: IA frente a sin IA ({ $verdict ->
        [faster] más rápido
        [slower] más lento
        [no_clear_difference] sin diferencia clara
       *[not_enough_reports] informes insuficientes
    })
hidden = oculto
no-interval = aún sin intervalo
before-after-caption = Resultado percibido de las tareas y herramientas del piloto, según lo que eligió la gente: las semanas anteriores al piloto ({ $from } a { $to }) junto a las del propio piloto.
before-arm = Antes del piloto, { $arm ->
        [ai] con IA
       *[no_ai] sin IA
    }
during-arm = Durante el piloto, { $arm ->
        [ai] con IA
       *[no_ai] sin IA
    }

## Números

interval = { $value } ({ $low } a { $high })
ratio = { $ratio }×
percent = { $percent } %

## El gráfico

chart-felt = Percibido: IA − sin IA
chart-time = Tiempo: IA ÷ sin IA (log)
